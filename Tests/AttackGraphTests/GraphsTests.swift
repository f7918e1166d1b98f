import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import ReachTestSupport
import Testing
@testable import ReachCLI

/// `Graphs/attack-path-multihop.svg`: a real multi-hop path of the scenario fixture, rendered
/// in-process. `KUBE_REACH_UPDATE_GOLDENS=1 swift test --filter GraphsTests` regenerates it; otherwise
/// the committed file is checked structurally (it parses as XML and holds every state and step).
@Suite struct GraphsTests {
    static let file = TestPaths.packageRoot.appendingPathComponent("Graphs/attack-path-multihop.svg")

    @Test func committedAttackPathSVG() throws {
        if Golden.updating {
            let (svg, code) = KubeReach.execute(["paths", "-f", TestPaths.fixture("attacks/scenarios/multihop.yaml"),
                                                 "--from", "User:mallory", "--to", "get secrets db -n prod", "-o", "svg"])
            #expect(code == 0)
            try svg.write(to: Self.file, atomically: true, encoding: .utf8)
        }
        let data = try Data(contentsOf: Self.file)
        #expect(XMLParser(data: data).parse())
        let text = String(decoding: data, as: UTF8.self).replacingOccurrences(of: "&#45;", with: "-")
        for id in ["state_0", "state_1", "state_2", "step_1", "step_2", "goal"] { #expect(text.contains("id=\"\(id)\"")) }
        #expect(text.contains("ServiceAccount:dev/deployer+ClusterRole:secret-reader@prod"))
    }
}

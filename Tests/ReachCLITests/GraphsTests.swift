import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import ReachTestSupport
import Testing
@testable import ReachCLI

/// `Graphs/attack-path-multihop.svg`: a real multi-hop path of the scenario fixture, rendered
/// in-process by `scripts/regenerate-graphs.sh` (the gallery command). The committed file is checked
/// structurally: it parses as XML and holds every state, step, the goal and the legend.
@Suite struct GraphsTests {
    static let file = TestPaths.packageRoot.appendingPathComponent("Graphs/attack-path-multihop.svg")

    @Test func committedAttackPathSVG() throws {
        let data = try Data(contentsOf: Self.file)
        #expect(XMLParser(data: data).parse())
        let text = String(decoding: data, as: UTF8.self).replacingOccurrences(of: "&#45;", with: "-")
        for id in ["User:mallory", "ServiceAccount:dev/deployer", "ServiceAccount:dev/deployer_ClusterRole:secret-reader_prod",
                   "get_secrets_db_-n_prod", "legend", "User:mallory-_ServiceAccount:dev/deployer:E1"] {
            #expect(text.contains("id=\"attack-\(id)\""), "\(id)")
        }
        #expect(text.contains("E9a bind a ClusterRole in N"))
    }
}

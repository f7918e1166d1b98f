import Foundation
import ReachTestSupport
import Testing
@testable import ReachCLI

/// `reach` under `--policy-engine calico` against `kubernetes` on Fixtures/netpol-calico/order-pass
/// (expectations derived by hand in the fixture's header: a Calico Deny at order 100 before a
/// Kubernetes allow at 1000, a GlobalNetworkPolicy default deny with Log and Pass).
@Suite struct CalicoCLITests {
    static let input = TestPaths.fixture("netpol-calico/order-pass/input")

    static func run(_ args: [String]) -> String {
        KubeReach.execute(args).0.replacingOccurrences(of: TestPaths.packageRoot.path + "/", with: "")
    }

    @Test(arguments: ["calico", "kubernetes"])
    func reachGolden(engine: String) {
        let out = Self.run(["reach", "-f", Self.input, "--policy-engine", engine, "--probes", "TCP/80,TCP/5432"])
        #expect(Golden.check(out, against: "netpol-calico/order-pass/expected/reach-\(engine).txt") == nil)
    }

    @Test func calicoDiffersFromKubernetesAsDerived() {
        func lines(_ engine: String) -> Set<String> {
            Set(Self.run(["reach", "-f", Self.input, "--policy-engine", engine, "--probes", "TCP/80,TCP/5432", "--expand"])
                .split(separator: "\n").map(String.init).filter { $0.contains("=>") && !$0.contains("External") })
        }
        let calico = lines("calico"), kube = lines("kubernetes")
        #expect(kube.contains("ops/monitor => shop/web : TCP 80"))
        #expect(kube.contains("ops/monitor => shop/db : TCP 80,5432"))
        #expect(!calico.contains { $0.hasPrefix("ops/monitor => shop/") })
        #expect(calico.contains("shop/web => shop/db : TCP 80,5432"))
        #expect(calico.contains("shop/db => shop/web : TCP 80"))
        #expect(kube.subtracting(calico) == ["ops/monitor => shop/web : TCP 80", "ops/monitor => shop/db : TCP 80,5432"])
    }

    /// --explain names the Calico tier, policy and rule (or the Pass / end of tier).
    @Test(arguments: ["text", "json"])
    func explainNamesCalicoPolicyAndRule(format: String) {
        var out = ""
        for (src, dst, port) in [("ops/monitor", "shop/web", "TCP/80"), ("ops/monitor", "shop/db", "TCP/5432"),
                                 ("shop/web", "shop/db", "TCP/5432"), ("shop/db", "shop/web", "TCP/80")] {
            out += Self.run(["reach", "-f", Self.input, "--policy-engine", "calico", "--explain", src, dst, "--port", port, "-o", format])
        }
        #expect(Golden.check(out, against: "netpol-calico/order-pass/expected/explain.\(format == "text" ? "txt" : "json")") == nil)
    }
}

import Foundation
import ReachTestSupport
import Testing
@testable import ReachCLI

/// `reach` on Fixtures/cilium/engines under `--policy-engine cilium` and `kubernetes` (issue 19
/// step 3): the Cilium policies change the answer only under Cilium. Hand-derived expectations
/// are in the fixture's header comment (semantics: cilium `pkg/policy/api/rule.go`, `ingress.go`,
/// `egress.go`, `Documentation/security/policy/language.rst`); the goldens hold the full answers.
@Suite struct CiliumEngineCLITests {
    static let input = TestPaths.fixture("cilium/engines/input")
    static let probes = "TCP/80,TCP/5432,UDP/5432"

    static func run(_ args: [String]) -> (String, Int32) {
        let (out, code) = KubeReach.execute(args)
        return (out.replacingOccurrences(of: TestPaths.packageRoot.path + "/", with: ""), code)
    }

    @Test(arguments: ["kubernetes", "cilium"])
    func reachUnderEachEngine(engine: String) {
        let (out, code) = Self.run(["reach", "-f", Self.input, "--policy-engine", engine, "--probes", Self.probes, "--expand"])
        #expect(code == 0)
        #expect(Golden.check(out, against: "cilium/engines/expected/reach-\(engine).txt") == nil)
    }

    @Test func answersDifferAsCiliumSays() {
        func lines(_ engine: String) -> Set<String> {
            Set(Self.run(["reach", "-f", Self.input, "--policy-engine", engine, "--probes", Self.probes, "--expand"]).0
                .split(separator: "\n").map(String.init).filter { $0.contains("=>") })
        }
        let kube = lines("kubernetes"), cilium = lines("cilium")
        // Deny wins: db-ingress allows ops on 5432, the clusterwide ingressDeny refuses it.
        #expect(kube.contains("ops/probe => app/db : TCP 5432"))
        #expect(!cilium.contains { $0.hasPrefix("ops/probe => app/db") })
        #expect(cilium.contains("ops/probe => app/api : TCP 80,UDP 5432"))
        // Entity world on TCP 80 only; nothing from ops or db into web.
        #expect(cilium.contains("0.0.0.0-203.0.112.255[External] => app/web : TCP 80"))
        #expect(!cilium.contains { $0.hasPrefix("ops/probe => app/web") || $0.hasPrefix("app/db => app/web") })
        // toCIDRSet except: api reaches the world but not 203.0.113.0/24 (nor IPv6).
        #expect(cilium.contains("app/api => 0.0.0.0-203.0.112.255[External] : TCP 80,5432,UDP 5432"))
        #expect(!cilium.contains { $0.hasPrefix("app/api => 203.0.113.0-") || $0.hasPrefix("app/api => ::") })
        // Port 5432 of any protocol towards db, intersected with db-ingress (TCP 5432).
        #expect(cilium.contains("app/api => app/db : TCP 5432"))
        #expect(cilium.contains("app/api => app/web : TCP 80"))
    }

    @Test(arguments: ["text", "json"])
    func explainNamesCiliumPolicyAndRule(format: String) {
        var out = ""
        for (src, dst, port) in [("ops/probe", "app/db", "TCP/5432"), ("app/api", "app/web", "TCP/80"), ("ops/probe", "app/web", "TCP/80")] {
            out += Self.run(["reach", "-f", Self.input, "--policy-engine", "cilium", "--explain", src, dst, "--port", port, "-o", format]).0
        }
        #expect(out.contains("CiliumClusterwideNetworkPolicy/deny-ops-db spec.ingressDeny[0]"))
        #expect(Golden.check(out, against: "cilium/engines/expected/explain.\(format == "text" ? "txt" : "json")") == nil)
    }

    /// L7 rules are reported where they are written, and the answer treats them as allowing.
    @Test func lintReportsL7AsNotModelled() {
        let (out, _) = Self.run(["reach", "-f", Self.input, "--policy-engine", "cilium", "--lint"])
        #expect(out.contains("cluster.yaml#8:65:9: spec.ingress[0].toPorts[0].rules: CiliumNetworkPolicy/app/web: L7 rules are not modelled"))
        #expect(!out.contains("covers"))
    }
}

import Foundation
import ReachTestSupport
import Testing
@testable import ReachCLI

/// `reach` on the same manifests (Fixtures/netpol-tiers/engines) under each policy engine, chosen
/// with `--policy-engine` or read from `--aks` (issue 19). Hand-derived expectations are in the
/// fixture's header comment; the goldens hold the full answers.
@Suite struct PolicyEngineCLITests {
    static let input = TestPaths.fixture("netpol-tiers/engines/input")

    static func run(_ args: [String]) -> (String, Int32) {
        let (out, code) = KubeReach.execute(args)
        return (out.replacingOccurrences(of: TestPaths.packageRoot.path + "/", with: ""), code)
    }

    @Test(arguments: ["none", "kubernetes", "calico", "cilium"])
    func reachUnderEachEngine(engine: String) {
        let (out, code) = Self.run(["reach", "-f", Self.input, "--policy-engine", engine, "--probes", "TCP/80,TCP/5432"])
        #expect(code == 0)
        #expect(Golden.check(out, against: "netpol-tiers/engines/expected/reach-\(engine).txt") == nil)
    }

    /// The answers differ where the semantics differ: none allows everything, Cilium's ipBlock
    /// does not match web's pod IP, the Admin tier denies ops -> shop/web on TCP/80.
    @Test func answersDifferAsTheSemanticsSay() {
        func lines(_ engine: String) -> Set<String> {
            Set(Self.run(["reach", "-f", Self.input, "--policy-engine", engine, "--probes", "TCP/80,TCP/5432", "--expand"]).0
                .split(separator: "\n").map(String.init).filter { $0.contains("=>") && !$0.contains("External") })
        }
        let none = lines("none"), kube = lines("kubernetes"), cilium = lines("cilium")
        #expect(none.contains("ops/monitor => shop/web : TCP 80,5432"))
        #expect(!kube.contains { $0.hasPrefix("ops/monitor => shop/") })
        #expect(kube.contains("shop/web => shop/db : TCP 5432"))
        #expect(!cilium.contains { $0.hasPrefix("shop/web => shop/db") })
        #expect(kube.subtracting(cilium) == ["shop/web => shop/db : TCP 5432"])
    }

    /// `--aks`: networkPolicy none/absent → none, azure → kubernetes, calico, and
    /// `networkDataplane: cilium` → cilium whatever networkPolicy says.
    @Test(arguments: [("none", "none"), ("azure", "kubernetes"), ("calico", "calico"), ("cilium-dataplane", "cilium")])
    func engineFromTheClusterDocument(cluster: String, engine: String) {
        let aks = TestPaths.fixture("netpol-tiers/engines/aks/\(cluster).json")
        let (fromAKS, code) = Self.run(["reach", "-f", Self.input, "--aks", aks, "--probes", "TCP/80,TCP/5432"])
        let (explicit, _) = Self.run(["reach", "-f", Self.input, "--policy-engine", engine, "--probes", "TCP/80,TCP/5432"])
        #expect(code == 0)
        #expect(fromAKS.hasPrefix("Policy engine: \(engine) (AKS cluster '\(cluster)': networkProfile."))
        #expect(fromAKS.split(separator: "\n").dropFirst() == explicit.split(separator: "\n").dropFirst())
        // --policy-engine overrides the cluster document.
        let (overridden, _) = Self.run(["reach", "-f", Self.input, "--aks", aks, "--policy-engine", "none", "--probes", "TCP/80"])
        #expect(overridden.hasPrefix("Policy engine: none (--policy-engine none)"))
    }

    /// Without --aks and --policy-engine the output is what it always was (no engine line, no JSON key).
    @Test func implicitDefaultKeepsTheOutput() {
        let (text, _) = Self.run(["reach", "-f", Self.input, "--probes", "TCP/80"])
        #expect(!text.contains("Policy engine"))
        let (json, _) = Self.run(["reach", "-f", Self.input, "--probes", "TCP/80", "-o", "json"])
        #expect(!json.contains("policyEngine"))
        let (chosen, _) = Self.run(["reach", "-f", Self.input, "--probes", "TCP/80", "-o", "json", "--policy-engine", "none"])
        #expect(chosen.contains("\"policyEngine\""))
    }

    /// --explain names the tier, the policy and the rule that decided.
    @Test(arguments: ["text", "json"])
    func explainNamesTierPolicyAndRule(format: String) {
        var out = ""
        for (src, dst, port) in [("ops/monitor", "shop/web", "TCP/80"), ("ops/monitor", "shop/web", "TCP/5432"),
                                 ("shop/db", "shop/web", "TCP/80"), ("shop/web", "shop/db", "TCP/5432")] {
            out += Self.run(["reach", "-f", Self.input, "--explain", src, dst, "--port", port, "-o", format]).0
        }
        #expect(Golden.check(out, against: "netpol-tiers/engines/expected/explain.\(format == "text" ? "txt" : "json")") == nil)
    }

    @Test func unknownEngineIsAUsageError() {
        let (_, code) = Self.run(["reach", "-f", Self.input, "--policy-engine", "weave"])
        #expect(code == 64 || code == 2)
    }
}

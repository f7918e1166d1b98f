import Foundation
import ReachTestSupport
import Testing
@testable import ReachCLI

/// One manifest set (Fixtures/netpol-tiers/four-engines: Kubernetes NetworkPolicy, a
/// ClusterNetworkPolicy admin tier, a Calico Tier with `defaultAction: Pass`, Calico policies,
/// Cilium policies with an entity, a deny and a CIDRSet) under `--policy-engine none`,
/// `kubernetes`, `calico` and `cilium`, and through `--aks` cluster documents choosing each
/// engine (issue 19, "Done means"). The fixture's README derives every difference by hand, citing
/// the rule; the goldens hold the full answers (text and JSON).
@Suite struct FourEngineCLITests {
    static let input = TestPaths.fixture("netpol-tiers/four-engines/input")
    static let engines = ["none", "kubernetes", "calico", "cilium"]
    static let probes = "TCP/80,TCP/5432"

    static func run(_ args: [String]) -> (String, Int32) {
        let (out, code) = KubeReach.execute(args)
        return (out.replacingOccurrences(of: TestPaths.packageRoot.path + "/", with: ""), code)
    }

    static func reach(_ engine: String, _ extra: [String] = []) -> (String, Int32) {
        run(["reach", "-f", input, "--policy-engine", engine, "--probes", probes, "--expand"] + extra)
    }

    @Test(arguments: engines)
    func textGolden(engine: String) {
        let (out, code) = Self.reach(engine)
        #expect(code == 0)
        #expect(Golden.check(out, against: "netpol-tiers/four-engines/expected/reach-\(engine).txt") == nil)
    }

    @Test(arguments: engines)
    func jsonGolden(engine: String) {
        let (out, code) = Self.reach(engine, ["-o", "json"])
        #expect(code == 0)
        #expect(out.contains("\"policyEngine\""))
        #expect(Golden.check(out, against: "netpol-tiers/four-engines/expected/reach-\(engine).json") == nil)
    }

    /// Pod-to-pod lines of one engine's answer.
    static func pairs(_ engine: String) -> Set<String> {
        Set(reach(engine).0.split(separator: "\n").map(String.init).filter { $0.contains("=>") && !$0.contains("External") })
    }

    /// Lines with an address outside the cluster.
    static func external(_ engine: String) -> Set<String> {
        Set(reach(engine).0.split(separator: "\n").map(String.init).filter { $0.contains("[External]") })
    }

    /// The differences the README derives, engine against engine.
    @Test func eachEngineDiffersAsDerived() {
        let none = Self.pairs("none"), kube = Self.pairs("kubernetes"), calico = Self.pairs("calico"), cilium = Self.pairs("cilium")
        // none: nothing enforced (every pod pair, both ports).
        #expect(none.contains("ops/monitor => shop/db : TCP 80,5432") && none.contains("ops/monitor => shop/web : TCP 80,5432"))
        // kubernetes: the admin tier denies ops -> shop on TCP 80; db-ingress isolates db, its
        // ipBlock matches web's pod IP (networkpolicy.md rule 7).
        #expect(kube.contains("ops/monitor => shop/web : TCP 5432"))
        #expect(!kube.contains { $0.hasPrefix("ops/monitor => shop/db") })
        #expect(kube.contains("shop/web => shop/db : TCP 5432"))
        #expect(none.subtracting(kube) == ["ops/monitor => shop/db : TCP 80,5432", "ops/monitor => shop/web : TCP 80,5432",
                                           "shop/web => shop/db : TCP 80,5432"])
        // calico: monitor-to-db (order 100) allows ops/monitor -> db on 5432 after the admin Pass.
        #expect(calico.subtracting(kube) == ["ops/monitor => shop/db : TCP 5432"])
        #expect(kube.subtracting(calico).isEmpty)
        // cilium: ipBlock never matches pods (web -> db gone); web is default-deny for ingress with
        // only entity world on TCP 80 (db -> web and monitor -> web gone).
        #expect(kube.subtracting(cilium) == ["shop/web => shop/db : TCP 5432", "shop/db => shop/web : TCP 80,5432",
                                             "ops/monitor => shop/web : TCP 5432"])
        #expect(cilium.subtracting(kube).isEmpty)
        // Outside the cluster: the security tier denies web -> 203.0.113.0/24 under calico only;
        // the Cilium deny refuses db -> the world outside 10.0.0.0/8 under cilium only.
        let calicoOut = Self.external("calico"), ciliumOut = Self.external("cilium"), kubeOut = Self.external("kubernetes")
        #expect(!calicoOut.contains { $0.hasPrefix("shop/web => 203.0.113.0-203.0.113.255") })
        #expect(calicoOut.contains("shop/db => 203.0.113.0-203.0.113.255[External] : TCP 80,5432"))
        #expect(calicoOut.contains("shop/web => 203.0.114.0-255.255.255.255[External] : TCP 80,5432"))
        #expect(kubeOut.contains("shop/web => 10.0.0.2-255.255.255.255[External] : TCP 80,5432"))
        #expect(ciliumOut.contains("11.0.0.0-255.255.255.255[External] => shop/web : TCP 80"))
        #expect(ciliumOut.contains("shop/db => 10.0.0.2-10.255.255.255[External] : TCP 80,5432"))
        #expect(!ciliumOut.contains { $0.hasPrefix("shop/db => 0.0.0.0-9.255.255.255") || $0.hasPrefix("shop/db => 11.0.0.0-") })
        #expect(ciliumOut.contains("shop/db => ::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff[External] : TCP 80,5432"))
    }

    /// `--aks` chooses the engine from networkProfile (the cluster documents of
    /// Fixtures/netpol-tiers/engines/aks): the answer equals the golden of that engine after the
    /// engine line.
    @Test(arguments: [("none", "none"), ("azure", "kubernetes"), ("calico", "calico"), ("cilium-dataplane", "cilium")])
    func engineFromTheClusterDocument(cluster: String, engine: String) throws {
        let aks = TestPaths.fixture("netpol-tiers/engines/aks/\(cluster).json")
        let (out, code) = Self.run(["reach", "-f", Self.input, "--aks", aks, "--probes", Self.probes, "--expand"])
        #expect(code == 0)
        #expect(out.hasPrefix("Policy engine: \(engine) (AKS cluster '\(cluster)': networkProfile."))
        let golden = try String(contentsOf: TestPaths.fixtures.appendingPathComponent("netpol-tiers/four-engines/expected/reach-\(engine).txt"), encoding: .utf8)
        #expect(out.split(separator: "\n").dropFirst() == golden.split(separator: "\n").dropFirst())
        let (json, _) = Self.run(["reach", "-f", Self.input, "--aks", aks, "--probes", Self.probes, "-o", "json"])
        #expect(json.contains("\"name\" : \"\(engine)\""))
    }

    /// --explain names what decided under each engine (text golden).
    @Test func explainUnderEachEngine() {
        var out = ""
        for engine in Self.engines {
            for (src, dst, port) in [("ops/monitor", "shop/db", "TCP/5432"), ("shop/web", "shop/db", "TCP/5432"), ("shop/db", "shop/web", "TCP/80"),
                                     ("shop/web", "ops/monitor", "TCP/80")] {
                out += Self.run(["reach", "-f", Self.input, "--policy-engine", engine, "--explain", src, dst, "--port", port]).0
            }
        }
        #expect(Golden.check(out, against: "netpol-tiers/four-engines/expected/explain.txt") == nil)
    }
}

import Foundation
import ReachTestSupport
import Testing
@testable import ReachCLI

/// `reach` under `--policy-engine calico` against `kubernetes` on
/// Fixtures/netpol-calico/service-accounts (expectations derived by hand in the fixture's header
/// from projectcalico/calico `updateprocessors/rules.go` `parseServiceAccounts` and
/// `networkpolicyprocessor.go`: `serviceAccountSelector` selects db, `serviceAccounts.names`
/// admits only shop's `api` account).
@Suite struct CalicoServiceAccountCLITests {
    static let input = TestPaths.fixture("netpol-calico/service-accounts/input")

    static func run(_ args: [String]) -> String {
        KubeReach.execute(args).0.replacingOccurrences(of: TestPaths.packageRoot.path + "/", with: "")
    }

    @Test(arguments: ["calico", "kubernetes"])
    func reachGolden(engine: String) {
        let out = Self.run(["reach", "-f", Self.input, "--policy-engine", engine, "--probes", "TCP/5432"])
        #expect(Golden.check(out, against: "netpol-calico/service-accounts/expected/reach-\(engine).txt") == nil)
    }

    @Test func calicoDiffersFromKubernetesAsDerived() {
        func lines(_ engine: String) -> Set<String> {
            Set(Self.run(["reach", "-f", Self.input, "--policy-engine", engine, "--probes", "TCP/5432", "--expand"])
                .split(separator: "\n").map(String.init).filter { $0.contains("=> shop/db") && !$0.contains("External") })
        }
        let calico = lines("calico"), kube = lines("kubernetes")
        #expect(kube == ["shop/web => shop/db : TCP 5432", "shop/worker => shop/db : TCP 5432", "ops/tool => shop/db : TCP 5432"], "\(kube)")
        #expect(calico == ["shop/web => shop/db : TCP 5432"], "\(calico)")
    }

    /// --explain names the Calico policy and rule that admits web and the Deny rule that stops tool
    /// (shop's `api` account only: tool's `api` is of namespace ops).
    @Test func explainNamesServiceAccountRule() {
        let allowed = Self.run(["reach", "-f", Self.input, "--policy-engine", "calico", "--explain", "shop/web", "shop/db", "--port", "TCP/5432"])
        #expect(allowed.contains("CalicoNetworkPolicy/shop/db-from-api"), "\(allowed)")
        let denied = Self.run(["reach", "-f", Self.input, "--policy-engine", "calico", "--explain", "ops/tool", "shop/db", "--port", "TCP/5432"])
        #expect(denied.contains("DENIED") && denied.contains("CalicoNetworkPolicy/shop/db-from-api rule 1: Deny"), "\(denied)")
    }
}

import ArgumentParser
import ClusterGen
import Foundation
import RBACEngine
import ReachLoader
import ReachModel

/// RBAC engine at scale: index build, who-can, can-i.
struct RBACBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rbac", abstract: "RBAC index, who-can and can-i on a generated world.")

    @OptionGroup var world: RBACWorldOptions
    @Option var checks = 10_000
    @Option(name: .customLong("who-can")) var whoCanQueries = 200

    func run() throws {
        var spec = world.spec
        spec.secrets = 1_000
        let yaml = ClusterGenerator(spec: spec).yaml()
        print("world: \(world.namespaces) namespaces, \(world.serviceAccounts) SAs, \(world.roles) Roles, \(world.clusterRoles) ClusterRoles (\(world.aggregationChains) aggregation chains), \(world.bindings) bindings; YAML \(Measure.mb(yaml.utf8.count))")
        var snapshot = ClusterSnapshot()
        let parse = Measure.time(runs: 1) { snapshot = ManifestLoader().load(sources: [("world.yaml", yaml)]) }
        print("  YAML load (reported separately): \(Measure.ms(parse[0]))")
        var index: RBACIndex? = nil
        let build = Measure.time(runs: 3) { index = RBACIndex(snapshot: snapshot) }
        guard let index else { return }
        print("  index build: median \(Measure.ms(Measure.median(build))) (\(index.roles.count) roles, \(index.bindings.count) bindings, \(index.principals.count) principals, \(index.ruleCount) rules)")

        var rng = SeededRandom(seed: world.seed)
        let verbs = ["get", "list", "create", "delete", "patch", "watch"]
        let resources: [(String, String, String)] = [("", "secrets", ""), ("", "pods", ""), ("", "pods", "exec"),
            ("apps", "deployments", ""), ("", "configmaps", ""), ("rbac.authorization.k8s.io", "rolebindings", ""),
            ("", "serviceaccounts", "token"), ("batch", "jobs", "")]
        func request() -> AccessRequest {
            let (g, r, sub) = rng.pick(resources)
            let ns = rng.chance(0.1) ? "" : "ns-\(String(rng.below(world.namespaces)).leftPad(4))"
            let name = rng.chance(0.3) ? "secret-\(String(rng.below(1_000)).leftPad(6))" : ""
            return AccessRequest(verb: rng.pick(verbs), apiGroup: g, resource: r, subresource: sub, name: name, namespace: ns)
        }
        let whoCanRequests = (0..<whoCanQueries).map { _ in request() }
        var subjects = 0
        var perQuery: [Double] = []
        for q in whoCanRequests {
            perQuery += Measure.time(runs: 1) { subjects += index.whoCan(q).count }
        }
        perQuery.sort()
        print("  who-can: median \(Measure.ms(Measure.median(perQuery))), p90 \(Measure.ms(perQuery[perQuery.count * 9 / 10])), max \(Measure.ms(perQuery.last ?? 0)) over \(whoCanQueries) queries (avg \(subjects / max(1, whoCanQueries)) subjects)")

        let identities: [Identity] = (0..<checks).map { i in
            let sa = rng.below(world.serviceAccounts)
            return i % 4 == 0 ? Identity.impersonating(.user("user-\(rng.below(500))@example.com"))
                : .serviceAccount(namespace: "ns-\(String(sa % world.namespaces).leftPad(4))", name: "sa-\(String(sa).leftPad(6))")
        }
        let checkRequests = (0..<checks).map { _ in request() }
        var allowed = 0
        let canI = Measure.time(runs: 3) {
            allowed = 0
            for i in 0..<checks where index.allows(identities[i], checkRequests[i]) { allowed += 1 }
        }
        print("  \(checks) can-i checks: median \(Measure.ms(Measure.median(canI))) (\(allowed) allowed)")
        print("  peak RSS \(Measure.mb(Measure.peakRSS()))")
    }
}

extension String {
    func leftPad(_ width: Int) -> String { count >= width ? self : String(repeating: "0", count: width - count) + self }
}

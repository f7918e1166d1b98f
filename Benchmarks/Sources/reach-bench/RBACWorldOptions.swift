import ArgumentParser
import ClusterGen

/// The RBAC world of issue 4 (`reach-bench rbac`, reused by `reach-bench attack`): namespaces,
/// service accounts, roles, bindings and aggregation chains of a generated cluster.
struct RBACWorldOptions: ParsableArguments {
    @Option var namespaces = 200
    @Option(name: .customLong("service-accounts")) var serviceAccounts = 100_000
    @Option var roles = 15_000
    @Option(name: .customLong("cluster-roles")) var clusterRoles = 5_000
    @Option(name: .customLong("role-bindings")) var roleBindings = 45_000
    @Option(name: .customLong("cluster-role-bindings")) var clusterRoleBindings = 5_000
    @Option(name: .customLong("aggregation-chains")) var aggregationChains = 200
    @Option var seed: UInt64 = 1
    /// Binding subjects per thousand that are `system:authenticated`/`system:serviceaccounts`.
    @Option(name: .customLong("broad-subjects-per-mille")) var broadSubjectsPerMille = 2

    /// A spec with this RBAC world and nothing else (callers add pods, secrets, …).
    var spec: ClusterSpec {
        var spec = ClusterSpec()
        spec.seed = seed; spec.namespaces = namespaces; spec.serviceAccounts = serviceAccounts
        spec.roles = roles; spec.clusterRoles = clusterRoles; spec.roleBindings = roleBindings
        spec.clusterRoleBindings = clusterRoleBindings; spec.aggregationChains = aggregationChains
        spec.broadSubjectsPerMille = broadSubjectsPerMille
        spec.pods = 0; spec.workloads = 0; spec.networkPolicies = 0; spec.services = 0; spec.secrets = 0
        return spec
    }

    var bindings: Int { roleBindings + clusterRoleBindings }
}

/// The shape of a synthetic cluster. Every count is exact; contents follow from `seed`.
public struct ClusterSpec: Sendable {
    /// What kind of NetworkPolicy world to write (see ``ClusterGenerator``).
    public enum Mode: String, Sendable, CaseIterable {
        /// Every kind of object; policies of six shapes that allow few pairs (~1 per pod and probe).
        case standard
        /// Namespaces, pods, workloads and permissive policies (namespace-wide allows, allow-all
        /// egress, a few open-to-all apps, few default-denies): millions of allowed pairs at 10k pods.
        case dense
        /// Namespaces, pods with independently random labels and ports, workloads and random
        /// policies (random selectors, policyTypes, ports, peers and ipBlocks).
        case random
    }

    public var mode = Mode.standard
    public var seed: UInt64 = 1
    public var namespaces = 20
    /// Pods written as Pod objects (with IPs).
    public var pods = 1_000
    /// Pods per replica group (pods of a group share namespace, labels, ports and SA).
    public var replicasPerGroup = 5
    /// Pod-template workloads (Deployments/StatefulSets/DaemonSets/Jobs) without Pod objects.
    public var workloads = 100
    public var serviceAccounts = 200
    public var roles = 100
    public var clusterRoles = 50
    /// Length of aggregation chains among ClusterRoles (0 = none).
    public var aggregationChains = 5
    public var roleBindings = 200
    public var clusterRoleBindings = 50
    /// Binding subjects per thousand that are `system:authenticated` or `system:serviceaccounts`
    /// (0 makes escalation paths longer: no rule reaches everyone at once).
    public var broadSubjectsPerMille = 2
    public var networkPolicies = 100
    public var secrets = 100
    public var services = 100
    /// Pod templates also get node names, some privileged containers and `hostPID`, and secret
    /// references in the environment (for the foothold benchmark; off by default so other
    /// generated clusters are unchanged).
    public var footholdFacts = false

    public init() {}

    /// Total objects the spec produces.
    public var objectCount: Int {
        namespaces + pods + workloads + serviceAccounts + roles + clusterRoles + roleBindings
            + clusterRoleBindings + networkPolicies + secrets + services
    }

    /// A spec of about `objects` objects with realistic proportions.
    public static func scaled(objects: Int, seed: UInt64 = 1) -> ClusterSpec {
        var s = ClusterSpec()
        s.seed = seed
        let unit = max(1, objects / 100)
        s.namespaces = max(1, unit / 5)
        s.pods = unit * 35
        s.workloads = unit * 5
        s.serviceAccounts = unit * 15
        s.roles = unit * 5
        s.clusterRoles = unit * 2
        s.roleBindings = unit * 12
        s.clusterRoleBindings = unit * 2
        s.networkPolicies = unit * 6
        s.secrets = unit * 10
        s.services = objects - s.namespaces - s.pods - s.workloads - s.serviceAccounts - s.roles - s.clusterRoles
            - s.roleBindings - s.clusterRoleBindings - s.networkPolicies - s.secrets
        s.services = max(0, s.services)
        return s
    }
}

extension ClusterGenerator {
    static let resources: [(group: String, names: [String])] = [
        ("", ["pods", "pods/log", "pods/exec", "services", "configmaps", "secrets", "serviceaccounts",
              "serviceaccounts/token", "persistentvolumeclaims", "events", "endpoints", "nodes", "nodes/proxy"]),
        ("apps", ["deployments", "deployments/scale", "statefulsets", "daemonsets", "replicasets"]),
        ("batch", ["jobs", "cronjobs"]),
        ("networking.k8s.io", ["networkpolicies", "ingresses"]),
        ("rbac.authorization.k8s.io", ["roles", "rolebindings", "clusterroles", "clusterrolebindings"]),
    ]
    static let readVerbs = ["get", "list", "watch"]
    static let writeVerbs = ["create", "update", "patch", "delete", "deletecollection"]
    static let rareVerbs = ["impersonate", "bind", "escalate", "approve"]

    /// One PolicyRule in flow style, with occasional wildcards and resourceNames.
    func rule(_ rng: inout SeededRandom, cluster: Bool) -> String {
        if rng.chance(0.02) { return "  - {apiGroups: [\"*\"], resources: [\"*\"], verbs: [\"*\"]}\n" }
        if cluster, rng.chance(0.02) { return "  - {nonResourceURLs: [\"/metrics\", \"/healthz/*\"], verbs: [get]}\n" }
        let group = rng.pick(Self.resources)
        var resources = Set<String>()
        for _ in 0..<(1 + rng.below(3)) { resources.insert(rng.pick(group.names)) }
        if rng.chance(0.03) { resources = ["*/scale"] }
        var verbs = Set(Self.readVerbs.filter { _ in rng.chance(0.7) })
        if rng.chance(0.4) { for _ in 0..<(1 + rng.below(3)) { verbs.insert(rng.pick(Self.writeVerbs)) } }
        if rng.chance(0.03) { verbs.insert(rng.pick(Self.rareVerbs)) }
        if rng.chance(0.03) { verbs = ["*"] }
        if verbs.isEmpty { verbs = ["get"] }
        let names = rng.chance(0.1) ? ", resourceNames: [secret-\(pad(rng.below(max(1, spec.secrets)), 6))]" : ""
        let list = { (s: Set<String>) in s.sorted().map { "\"\($0)\"" }.joined(separator: ", ") }
        return "  - {apiGroups: [\"\(group.group)\"], resources: [\(list(resources))], verbs: [\(list(verbs))]\(names)}\n"
    }

    func writeRoles(_ out: inout String, _ rng: inout SeededRandom) {
        for i in 0..<spec.roles {
            out += "---\napiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata:\n  name: role-\(pad(i, 6))\n  namespace: \(namespace(i % max(1, spec.namespaces)))\nrules:\n"
            for _ in 0..<(1 + rng.below(4)) { out += rule(&rng, cluster: false) }
        }
    }

    /// ClusterRoles; the first `aggregationChains × 3` form chains: `agg-C-0` aggregates roles
    /// labelled `chain-C: level-1`, `agg-C-1` (labelled level-1) aggregates level-2, and so on.
    func writeClusterRoles(_ out: inout String, _ rng: inout SeededRandom) {
        let chainLength = 3
        for i in 0..<spec.clusterRoles {
            let chain = i / chainLength, level = i % chainLength
            let head = "---\napiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: cr-\(pad(i, 6))\n"
            if chain < spec.aggregationChains, level < chainLength - 1 {
                let label = level == 0 ? "" : "  labels: {chain-\(chain): level-\(level)}\n"
                out += head + label + "aggregationRule:\n  clusterRoleSelectors:\n    - matchLabels: {chain-\(chain): level-\(level + 1)}\nrules: []\n"
            } else {
                let label = chain < spec.aggregationChains ? "  labels: {chain-\(chain): level-\(level)}\n" : ""
                out += head + label + "rules:\n"
                for _ in 0..<(1 + rng.below(4)) { out += rule(&rng, cluster: true) }
            }
        }
    }

    /// A binding subject: mostly service accounts, then users and named groups; broad groups
    /// (`system:authenticated`, `system:serviceaccounts`) are rare, as in real clusters.
    func subject(_ rng: inout SeededRandom) -> String {
        let roll = rng.below(1000)
        if roll < spec.broadSubjectsPerMille {
            return "  - {kind: Group, name: \(rng.pick(["system:authenticated", "system:serviceaccounts"])), apiGroup: rbac.authorization.k8s.io}\n"
        }
        switch roll {
        case ..<600 where spec.serviceAccounts > 0:
            let i = rng.below(spec.serviceAccounts)
            return "  - {kind: ServiceAccount, name: sa-\(pad(i, 6)), namespace: \(namespace(i % max(1, spec.namespaces)))}\n"
        case ..<850:
            return "  - {kind: User, name: user-\(rng.below(500))@example.com, apiGroup: rbac.authorization.k8s.io}\n"
        default:
            return "  - {kind: Group, name: \(rng.chance(0.1) ? "oidc:devs" : "group-\(rng.below(50))"), apiGroup: rbac.authorization.k8s.io}\n"
        }
    }

    func writeBindings(_ out: inout String, _ rng: inout SeededRandom) {
        for i in 0..<spec.roleBindings {
            let nsIndex = i % max(1, spec.namespaces)
            let rolesHere = spec.roles > nsIndex ? (spec.roles - nsIndex + spec.namespaces - 1) / max(1, spec.namespaces) : 0
            let ref: String
            if rolesHere > 0, rng.chance(0.6) {
                ref = "{apiGroup: rbac.authorization.k8s.io, kind: Role, name: role-\(pad(nsIndex + spec.namespaces * rng.below(rolesHere), 6))}"
            } else {
                ref = "{apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cr-\(pad(rng.below(max(1, spec.clusterRoles)), 6))}"
            }
            out += "---\napiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata:\n  name: rb-\(pad(i, 6))\n  namespace: \(namespace(nsIndex))\nroleRef: \(ref)\nsubjects:\n"
            for _ in 0..<(1 + rng.below(3)) { out += subject(&rng) }
        }
        for i in 0..<spec.clusterRoleBindings {
            out += "---\napiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata:\n  name: crb-\(pad(i, 6))\nroleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cr-\(pad(rng.below(max(1, spec.clusterRoles)), 6))}\nsubjects:\n"
            for _ in 0..<(1 + rng.below(3)) { out += subject(&rng) }
        }
    }
}

import ReachCore
import ReachModel

/// The compiled RBAC state of a snapshot: dense IDs for principals, roles, bindings and rules,
/// and the indexes that answer can-i, who-can and access questions.
///
/// Design (rbac.md; `plugin/pkg/auth/authorizer/rbac`):
/// * **Principals** (normalised binding subjects, every ServiceAccount object, and
///   `Group:system:masters`) get IDs in code-point order of their subject string, so iterating a
///   ``ReachCore/BitSet`` of principals yields the sorted who-can answer.
/// * **Roles**: ClusterRoles by name, then Roles by namespace/name, with effective rules after
///   ``Aggregation``. Their rules are concatenated into one rule table (a role's rules are
///   contiguous), indexed by ``RuleIndex``.
/// * **Bindings**: ClusterRoleBindings, then RoleBindings, each resolved to a role ID (or none:
///   dangling, warned) and a list of principal IDs. Two adjacency lists, role → bindings and
///   principal → bindings, are the only per-binding structures.
///
/// who-can = rule bitset query → the roles owning matching rules → their in-scope bindings →
/// their subjects, then service accounts present in the input are added with word-parallel ORs of
/// per-namespace SA sets when `system:serviceaccounts[:N]` or `system:authenticated` is granted.
/// can-i = the identity's principals → their bindings in scope → the bound role's rules.
///
/// - Complexity: building O(S log S + Σ rule sizes + B + K × R / 64) for S principals, B bindings,
///   R rules, K distinct verbs/groups/resources; memory O(K × R / 64 + S + B + R).
public struct RBACIndex: Sendable {
    public let options: RBACOptions
    public let roles: [CompiledRole]
    public let bindings: [CompiledBinding]
    /// Principals in code-point order of their subject strings.
    public let principals: DenseIndex<Principal>
    /// Engine diagnostics (dangling references, odd subjects, aggregation cycles), sorted.
    public let diagnostics: [Diagnostic]
    /// Number of ClusterRoles at the front of ``roles``.
    public let clusterRoleCount: Int
    /// Number of ClusterRoleBindings at the front of ``bindings``.
    public let clusterRoleBindingCount: Int

    let ruleIndex: RuleIndex
    /// Global rule ID → role index; `roleRuleStart[r] ..< roleRuleStart[r + 1]` are role `r`'s rules.
    let ruleRole: [Int32]
    let roleRuleStart: [Int]
    /// Rule IDs of the Roles of each namespace (the Roles are in namespace order, so usually one
    /// range): only a RoleBinding of that namespace can use them. ClusterRoles' rules are
    /// `0 ..< roleRuleStart[clusterRoleCount]`.
    let namespaceRules: [String: [Range<Int>]]
    let roleBindings: [[Int32]]
    let principalBindings: [[Int32]]
    /// Principal IDs of the ServiceAccount objects present in the input.
    let serviceAccounts: BitSet
    /// `Group:system:serviceaccounts:N` principal → the ServiceAccounts of `N` (only groups named in bindings).
    let serviceAccountGroups: [(group: Int, members: BitSet)]
    /// Principal IDs of `Group:system:authenticated` and `Group:system:serviceaccounts`, when named.
    let allServiceAccountGroups: [Int]

    /// Compiles `snapshot`'s RBAC objects.
    public init(snapshot: ClusterSnapshot, options: RBACOptions = RBACOptions()) {
        var b = RBACIndexBuilder(snapshot: snapshot)
        b.build()
        self.options = options
        roles = b.roles
        bindings = b.bindings
        principals = b.principals
        diagnostics = b.diagnostics.sorted()
        clusterRoleCount = snapshot.clusterRoles.count
        clusterRoleBindingCount = snapshot.clusterRoleBindings.count
        ruleIndex = RuleIndex(rules: b.roles.flatMap { $0.rules.map(\.rule) })
        ruleRole = b.ruleRole
        roleRuleStart = b.roleRuleStart
        var nsRules: [String: [Range<Int>]] = [:]
        for id in clusterRoleCount..<b.roles.count {
            let rules = b.roleRuleStart[id]..<b.roleRuleStart[id + 1]
            guard !rules.isEmpty else { continue }
            let ns = b.roles[id].ref.namespace ?? ""
            if let last = nsRules[ns]?.last, last.upperBound == rules.lowerBound {
                nsRules[ns]![nsRules[ns]!.count - 1] = last.lowerBound..<rules.upperBound
            } else {
                nsRules[ns, default: []].append(rules)
            }
        }
        namespaceRules = nsRules
        roleBindings = b.roleBindings
        principalBindings = b.principalBindings
        serviceAccounts = b.serviceAccounts
        serviceAccountGroups = b.serviceAccountGroups
        allServiceAccountGroups = b.allServiceAccountGroups
    }

    /// Total number of effective rules across roles.
    public var ruleCount: Int { ruleRole.count }

    /// Whether binding `b` applies to a request whose RoleBinding namespace is `namespace`.
    @inline(__always)
    func inScope(_ b: Int, _ namespace: String?) -> Bool {
        switch bindings[b].scope {
        case .cluster: return true
        case .namespace(let ns): return ns == namespace
        }
    }

    /// Calls `body` with each binding of principal `pid` that is in scope for `namespace`
    /// (`nil` = cluster scope): its ClusterRoleBindings, then its RoleBindings of `namespace`.
    /// A principal's list is ascending, CRBs first and RoleBindings grouped by namespace, so the
    /// namespace's range is found by binary search.
    /// - Complexity: O(log b + k) for a principal with b bindings, k of them in scope.
    func forEachBinding(of pid: Int, namespace: String?, _ body: (Int32) -> Bool) {
        let list = principalBindings[pid]
        let crbs = Int32(clusterRoleBindingCount)
        var i = 0
        while i < list.count, list[i] < crbs {
            if !body(list[i]) { return }
            i += 1
        }
        guard let namespace else { return }
        var lo = i, hi = list.count
        let scope = Scope.namespace(namespace)
        while lo < hi {
            let mid = (lo + hi) / 2
            if bindings[Int(list[mid])].scope < scope { lo = mid + 1 } else { hi = mid }
        }
        while lo < list.count, bindings[Int(list[lo])].namespace == namespace {
            if !body(list[lo]) { return }
            lo += 1
        }
    }

    /// The rule with global ID `id`.
    func rule(_ id: Int) -> EffectiveRule {
        let role = Int(ruleRole[id])
        return roles[role].rules[id - roleRuleStart[role]]
    }

    /// Resolves an internal grant reference for reports.
    func resolve(_ g: GrantRef) -> Grant {
        let binding = bindings[Int(g.binding)]
        let roleID = Int(ruleRole[Int(g.rule)])
        let eff = rule(Int(g.rule))
        return Grant(binding: binding.ref, bindingLocation: binding.location, role: roles[roleID].ref,
                     roleLocation: roles[roleID].location, rule: eff.rule, aggregatedFrom: eff.aggregatedFrom,
                     via: principals[Int(g.via)])
    }
}

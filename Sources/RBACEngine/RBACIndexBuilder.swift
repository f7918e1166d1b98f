import ReachCore
import ReachModel

/// Builds the parts of an ``RBACIndex`` (see its doc comment for the design).
struct RBACIndexBuilder {
    let snapshot: ClusterSnapshot
    var roles: [CompiledRole] = []
    var bindings: [CompiledBinding] = []
    var principals = DenseIndex<Principal>()
    var diagnostics: [Diagnostic] = []
    var ruleRole: [Int32] = []
    var roleRuleStart: [Int] = [0]
    var roleBindings: [[Int32]] = []
    var principalBindings: [[Int32]] = []
    var serviceAccounts = BitSet(capacity: 0)
    var serviceAccountGroups: [(group: Int, members: BitSet)] = []
    var allServiceAccountGroups: [Int] = []

    /// RoleBindings are put in namespace order if they are not already (the loader sorts them):
    /// binding IDs ascending then means namespace ascending, which
    /// ``RBACIndex/forEachBinding(of:namespace:_:)`` relies on to binary-search a principal's list.
    init(snapshot: ClusterSnapshot) {
        var copy = snapshot
        if !zip(copy.roleBindings, copy.roleBindings.dropFirst()).allSatisfy({ ($0.namespace ?? "") <= ($1.namespace ?? "") }) {
            copy.roleBindings.sort { (($0.namespace ?? ""), $0.name) < (($1.namespace ?? ""), $1.name) }
        }
        self.snapshot = copy
    }

    mutating func build() {
        compileRoles()
        let subjects = normaliseSubjects()
        collectPrincipals(subjects)
        compileBindings(subjects)
        indexServiceAccounts()
    }

    /// ClusterRoles (aggregated) then Roles; the rule table.
    /// - Complexity: see ``Aggregation``; O(R) for the rule table.
    mutating func compileRoles() {
        let (effective, diags) = Aggregation.effectiveRules(snapshot.clusterRoles)
        diagnostics += diags
        for (i, cr) in snapshot.clusterRoles.enumerated() {
            roles.append(CompiledRole(ref: cr.ref, location: cr.location, rules: effective[i]))
        }
        for r in snapshot.roles {
            roles.append(CompiledRole(ref: r.ref, location: r.location, rules: r.rules.map { EffectiveRule(rule: $0) }))
        }
        for (id, role) in roles.enumerated() {
            ruleRole += repeatElement(Int32(id), count: role.rules.count)
            roleRuleStart.append(ruleRole.count)
        }
        roleBindings = Array(repeating: [], count: roles.count)
    }

    /// Each binding's subjects as principals (`nil` = matches nobody), CRBs first, with warnings.
    func normaliseSubjects() -> [[Principal?]] {
        var out: [[Principal?]] = []
        out.reserveCapacity(snapshot.clusterRoleBindings.count + snapshot.roleBindings.count)
        for crb in snapshot.clusterRoleBindings { out.append(crb.subjects.map { _ in nil }) }
        for rb in snapshot.roleBindings { out.append(rb.subjects.map { _ in nil }) }
        var i = 0
        for crb in snapshot.clusterRoleBindings {
            out[i] = crb.subjects.map { SubjectNormalizer.principal($0, bindingNamespace: nil) }
            i += 1
        }
        for rb in snapshot.roleBindings {
            out[i] = rb.subjects.map { SubjectNormalizer.principal($0, bindingNamespace: rb.namespace) }
            i += 1
        }
        return out
    }

    /// Dense principal IDs in code-point order.
    /// - Complexity: O(S log S) string comparisons.
    mutating func collectPrincipals(_ subjects: [[Principal?]]) {
        var set = Set<Principal>([Principal.masters])
        for list in subjects { for p in list { if let p { set.insert(p) } } }
        for sa in snapshot.serviceAccounts {
            set.insert(.serviceAccount(namespace: sa.namespace ?? "", name: sa.name))
        }
        for b in snapshot.clusterRoleBindings.map(\.subjects) + snapshot.roleBindings.map(\.subjects) {
            for subject in b { if let user = Self.serviceAccountUserAsNamed(subject) { set.insert(user) } }
        }
        let keyed = set.map { (key: Array($0.description.utf8), principal: $0) }
            .sorted { $0.key.lexicographicallyPrecedes($1.key) }
        principals = DenseIndex(keyed.map(\.principal))
        principalBindings = Array(repeating: [], count: principals.count)
    }

    /// A `User` subject named `system:serviceaccount:N:a`, as named. Authorization treats it as
    /// the service account `N/a` (rbac.md rule 6, the normalised subject); who-can also lists the
    /// subject as named in the binding (rbac.md "who-can": "every subject named in a binding"), so
    /// the binding carries both principals.
    static func serviceAccountUserAsNamed(_ subject: Subject) -> Principal? {
        guard subject.kind == "User", Principal.splitServiceAccountUsername(subject.name) != nil else { return nil }
        return .user(subject.name)
    }

    mutating func compileBindings(_ subjects: [[Principal?]]) {
        var clusterRoleByName: [String: Int] = [:]
        var roleByKey: [ObjectRef: Int] = [:]
        for (i, r) in roles.enumerated() {
            if r.ref.kind == .clusterRole { clusterRoleByName[r.ref.name] = i } else { roleByKey[r.ref] = i }
        }
        var all: [(meta: ObjectMeta, ref: ObjectRef, roleRef: RoleRef, subjects: [Subject])] = []
        all += snapshot.clusterRoleBindings.map { ($0.meta, $0.ref, $0.roleRef, $0.subjects) }
        all += snapshot.roleBindings.map { ($0.meta, $0.ref, $0.roleRef, $0.subjects) }
        for (b, item) in all.enumerated() {
            // A RoleBinding always has a namespace after loading; `""` (never a request's binding
            // namespace) keeps one that somehow has none from applying cluster-wide.
            let ns: String? = item.ref.kind == .roleBinding ? (item.meta.namespace ?? "") : nil
            let role: Int? = item.roleRef.kind == .clusterRole
                ? clusterRoleByName[item.roleRef.name]
                : item.roleRef.kind == .role && ns != nil
                    ? roleByKey[ObjectRef(kind: .role, namespace: ns, name: item.roleRef.name)] : nil
            if role == nil {
                let target = item.roleRef.kind == .role ? "Role \(ns ?? "")/\(item.roleRef.name)" : "\(item.roleRef.kind) \(item.roleRef.name)"
                diagnostics.append(.rbac(RBACDiagnosticID.missingRole, .warning, item.meta.location, path: "roleRef",
                    "\(item.ref.kind.rawValue) \(item.ref.namespace.map { "\($0)/" } ?? "")\(item.ref.name) references \(target), which is not in the input: it grants nothing"))
            }
            var ids = Set<Int32>()
            for (s, subject) in item.subjects.enumerated() {
                if let d = SubjectNormalizer.diagnostic(subject, index: s, bindingNamespace: ns, location: item.meta.location) {
                    diagnostics.append(d)
                }
                if let p = subjects[b][s], let id = principals.id(of: p) { ids.insert(Int32(id)) }
                if let user = Self.serviceAccountUserAsNamed(subject), let id = principals.id(of: user) { ids.insert(Int32(id)) }
            }
            let sorted = ids.sorted()
            bindings.append(CompiledBinding(ref: item.ref, location: item.meta.location, scope: ns.map(Scope.namespace) ?? .cluster,
                                            roleRef: item.roleRef, role: role, subjects: sorted))
            if let role { roleBindings[role].append(Int32(b)) }
            for p in sorted { principalBindings[Int(p)].append(Int32(b)) }
        }
    }

    mutating func indexServiceAccounts() {
        let n = principals.count
        serviceAccounts = BitSet(capacity: n)
        var byNamespace: [String: BitSet] = [:]
        for sa in snapshot.serviceAccounts {
            let ns = sa.namespace ?? ""
            guard let id = principals.id(of: .serviceAccount(namespace: ns, name: sa.name)) else { continue }
            serviceAccounts.insert(id)
            byNamespace[ns, default: BitSet(capacity: n)].insert(id)
        }
        // Only namespaces whose `system:serviceaccounts:N` group is named in some binding can expand.
        for ns in byNamespace.keys.sorted() {
            guard let group = principals.id(of: .group("system:serviceaccounts:\(ns)")), let set = byNamespace[ns] else { continue }
            serviceAccountGroups.append((group, set))
        }
        allServiceAccountGroups = ["system:authenticated", "system:serviceaccounts"].compactMap { principals.id(of: .group($0)) }
    }
}

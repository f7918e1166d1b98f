import ReachCore
import ReachModel

/// The answer to a who-can question: every principal allowed, and why.
public struct WhoCanAnswer: Sendable {
    public var request: AccessRequest
    /// Principal IDs (into ``RBACIndex/principals``) allowed, in subject-string order.
    public let allowed: BitSet
    /// Principals granted directly by a binding subject → their grants.
    let direct: [Int32: [GrantRef]]
    /// Whether `Group:system:masters` is in the answer by convention (rule 3).
    public let mastersByConvention: Bool

    /// Number of subjects in the answer.
    public var count: Int { allowed.count }
}

extension RBACIndex {
    /// Who may do `request` (rbac.md "who-can"): `Group:system:masters` (when the convention is
    /// on), every subject of an in-scope binding whose role allows the request, and every
    /// ServiceAccount object whose identity is allowed (through `system:serviceaccounts`,
    /// `system:serviceaccounts:N` or `system:authenticated` grants).
    ///
    /// Cost: the ``RuleIndex`` query (word-parallel over all rules), then only the roles owning a
    /// matching rule that can apply (ClusterRoles, and the Roles of the request's namespace), their
    /// bindings and subjects, then word-parallel ORs of service-account sets.
    /// - Complexity: O(R / 64 + matched applicable rules + Σ subjects of matched in-scope bindings +
    ///   S / 64 × g) for R rules, S principals and g granted service-account groups.
    public func whoCan(_ request: AccessRequest) -> WhoCanAnswer {
        whoCan(request, withReasons: true)
    }

    /// The principals allowed `request`: ``whoCan(_:)``'s `allowed` without recording why (for
    /// callers asking many questions in bulk, such as the attack graph).
    /// - Complexity: as ``whoCan(_:)``, without the per-grant bookkeeping.
    public func allowedPrincipals(_ request: AccessRequest) -> BitSet {
        whoCan(request, withReasons: false).allowed
    }

    /// Only the rules that can apply are visited: the ClusterRoles' and, for a namespaced request,
    /// those of the Roles of its namespace (a Role is only bound in its own namespace).
    private func whoCan(_ request: AccessRequest, withReasons: Bool) -> WhoCanAnswer {
        let ns = request.bindingNamespace
        var allowed = BitSet(capacity: principals.count)
        var direct: [Int32: [GrantRef]] = [:]
        var lastRole = -1
        let matching = ruleIndex.matching(request)
        func visit(_ r: Int) {
            let role = Int(ruleRole[r])
            guard role != lastRole else { return }
            lastRole = role
            for b in roleBindings[role] where inScope(Int(b), ns) {
                for p in bindings[Int(b)].subjects {
                    allowed.insert(Int(p))
                    if withReasons { direct[p, default: []].append(GrantRef(binding: b, rule: Int32(r), via: p)) }
                }
            }
        }
        matching.forEachMember(in: 0..<roleRuleStart[clusterRoleCount], visit)
        if let ns { for rules in namespaceRules[ns] ?? [] { matching.forEachMember(in: rules, visit) } }
        if allServiceAccountGroups.contains(where: { allowed.contains($0) }) {
            allowed.formUnion(serviceAccounts)
        } else {
            for (group, members) in serviceAccountGroups where allowed.contains(group) { allowed.formUnion(members) }
        }
        var masters = false
        if options.mastersBypass, let m = principals.id(of: .masters) {
            masters = !allowed.contains(m)
            allowed.insert(m)
        }
        return WhoCanAnswer(request: request, allowed: allowed, direct: direct, mastersByConvention: masters)
    }

    /// The sorted subjects of `answer`.
    public func subjects(of answer: WhoCanAnswer) -> [Principal] {
        answer.allowed.members.map { principals[$0] }
    }

    /// Why `principal` is in `answer`: its direct grants, and for a service account the grants
    /// of its implicit groups. Empty for `system:masters` by convention.
    public func grants(in answer: WhoCanAnswer, for principal: Principal) -> [Grant] {
        guard let id = principals.id(of: principal) else { return [] }
        var refs = answer.direct[Int32(id)] ?? []
        if case .serviceAccount(let ns, _) = principal, serviceAccounts.contains(id) {
            for g in ["system:serviceaccounts", "system:serviceaccounts:\(ns)", "system:authenticated"] {
                if let gid = principals.id(of: .group(g)) { refs += answer.direct[Int32(gid)] ?? [] }
            }
        }
        return refs.map(resolve).sorted()
    }
}

extension RBACIndex {
    /// IDs of the roles (into ``roles``) owning at least one rule that allows `request`, judged on
    /// the rule alone: no binding, subject or namespace scoping (a Role of another namespace is
    /// included when its rule matches). Used to compare roles' permissions.
    /// - Complexity: O(R / 64) for the ``RuleIndex`` query plus O(matching rules).
    public func rolesAllowing(_ request: AccessRequest) -> BitSet {
        var out = BitSet(capacity: roles.count)
        ruleIndex.matching(request).forEachMember { out.insert(Int(ruleRole[$0])) }
        return out
    }

    /// Whether a rule of role `roleID` (into ``roles``) allows `request`, judged on the rule alone
    /// (as ``rolesAllowing(_:)``).
    /// - Complexity: O(rules of the role).
    public func roleAllows(_ roleID: Int, _ request: AccessRequest) -> Bool {
        roles[roleID].rules.withUnsafeBufferPointer { rules in
            for i in rules.indices where RuleMatching.allows(rules[i].rule, request) { return true }
            return false
        }
    }
}

import ReachModel

/// The answer to one check (like a SubjectAccessReview).
public struct Decision: Hashable, Sendable {
    public var request: AccessRequest
    public var identity: Identity
    public var allowed: Bool
    /// The identity is in `system:masters` and the convention is on (rbac.md rule 3).
    public var bySystemMasters: Bool
    /// Every binding → role → rule that allows the request (first matching rule per binding and
    /// matched principal), sorted by binding.
    public var grants: [Grant]
}

extension RBACIndex {
    /// Whether `identity` may do `request`, and why (rbac.md "A check").
    ///
    /// Only ClusterRoleBindings apply when the request has no namespace (or is a non-resource
    /// request); otherwise the namespace's RoleBindings too. Upstream stops at the first allowing
    /// rule; the decision is the same, but every allowing binding is reported.
    /// - Complexity: O(Σ over the identity's principals of (log bindings + in-scope bindings × rules of the bound role)).
    public func check(_ identity: Identity, _ request: AccessRequest) -> Decision {
        let masters = options.mastersBypass && identity.groups.contains("system:masters")
        let refs = grantRefs(identity, request, firstRuleOnly: true)
        let grants = refs.map(resolve).sorted()
        return Decision(request: request, identity: identity, allowed: masters || !grants.isEmpty,
                        bySystemMasters: masters, grants: grants)
    }

    /// Just the yes/no of ``check(_:_:)`` (no grant resolution).
    /// - Complexity: as ``check(_:_:)``, stopping at the first allowing rule.
    public func allows(_ identity: Identity, _ request: AccessRequest) -> Bool {
        allows(principalIDs: identity.principals.compactMap { principals.id(of: $0) },
               inSystemMasters: identity.groups.contains("system:masters"), request)
    }

    /// ``allows(_:_:)`` for an identity already resolved to the IDs of its principals in
    /// ``principals`` (callers checking one identity many times resolve it once).
    /// - Complexity: as ``allows(_:_:)`` without resolving the identity's principals.
    public func allows(principalIDs: [Int], inSystemMasters: Bool, _ request: AccessRequest) -> Bool {
        if options.mastersBypass && inSystemMasters { return true }
        var allowed = false
        for pid in principalIDs {
            forEachBinding(of: pid, namespace: request.bindingNamespace) { b in
                guard let role = bindings[Int(b)].role else { return true }
                for r in roleRuleStart[role]..<roleRuleStart[role + 1] where RuleMatching.allows(rule(r).rule, request) {
                    allowed = true
                    return false
                }
                return true
            }
            if allowed { return true }
        }
        return false
    }

    /// Allowing grants of `identity` for `request`: per in-scope binding of each principal, the
    /// first rule (or every rule) of the bound role that allows it. The rules allowing the request
    /// are computed once with the ``RuleIndex``; a binding then costs a word scan of its role's
    /// rule range instead of string matching.
    func grantRefs(_ identity: Identity, _ request: AccessRequest, firstRuleOnly: Bool) -> [GrantRef] {
        let matched = ruleIndex.matching(request)
        var out: [GrantRef] = []
        var seen = Set<GrantRef>()
        for p in identity.principals {
            guard let pid = principals.id(of: p) else { continue }
            forEachBinding(of: pid, namespace: request.bindingNamespace) { b in
                guard let role = bindings[Int(b)].role else { return true }
                var from = roleRuleStart[role]
                let end = roleRuleStart[role + 1]
                while let r = matched.firstMember(in: from..<end) {
                    let g = GrantRef(binding: b, rule: Int32(r), via: Int32(pid))
                    if seen.insert(g).inserted { out.append(g) }
                    if firstRuleOnly { break }
                    from = r + 1
                }
                return true
            }
        }
        return out
    }
}

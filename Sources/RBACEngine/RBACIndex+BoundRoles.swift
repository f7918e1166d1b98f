extension RBACIndex {
    /// The roles (IDs into ``roles``) bound to any of `principalIDs` by a binding in scope for
    /// `namespace` (`nil`: cluster scope, ClusterRoleBindings only; else those plus the
    /// RoleBindings of `namespace`), ascending and without repeats. Bindings whose role is
    /// missing bind nothing and are left out.
    ///
    /// For every request `r` with `r.bindingNamespace == namespace`,
    /// ``allows(principalIDs:inSystemMasters:_:)`` without the `system:masters` bypass is exactly
    /// "some role of this list has a rule allowing `r`" (``roleAllows(_:_:)``): it visits the same
    /// bindings. Callers that check many requests of one scope for one identity (the attack
    /// graph's self-grant subsumption) resolve the bindings once and then compare roles.
    /// - Complexity: O(Σ (log b + k)) over the principals (b bindings, k in scope) plus
    ///   O(m log m) for the m roles found.
    public func boundRoles(principalIDs: [Int], namespace: String?) -> [Int] {
        var out: [Int] = []
        for pid in principalIDs {
            forEachBinding(of: pid, namespace: namespace) { b in
                if let role = bindings[Int(b)].role { out.append(role) }
                return true
            }
        }
        guard out.count > 1 else { return out }
        out.sort()
        var unique: [Int] = []
        unique.reserveCapacity(out.count)
        for r in out where unique.last != r { unique.append(r) }
        return unique
    }
}

import ReachCore
import RBACEngine

/// E5c — impersonate a group.
///
/// Condition: `(impersonate, "", groups, name=g, ns="")` **and** the actor can impersonate at
/// least one user: `(impersonate, "", users, name=<fresh or any candidate>, "")` or an SA via E5a.
/// `Impersonate-Group` without `Impersonate-User` is rejected.
/// Target: `Group:g` (incl. `system:masters`: impersonating that group is full admin).
public enum E5c: EscalationTechnique {
    public static let id = TechniqueID("E5c")
    public static let title = "impersonate a group"
    public static let condition = """
        `(impersonate, "", groups, name=g, ns="")` **and** the actor can impersonate at least one user: \
        `(impersonate, "", users, name=<fresh or any candidate>, "")` or an SA via E5a. \
        `Impersonate-Group` without `Impersonate-User` is rejected.
        """
    public static let targets = "`Group:g` (incl. `system:masters`: impersonating that group is full admin)"

    /// The states that can impersonate some user, partitioned by the first user impersonation
    /// each holds, in the order: a fresh name, the candidate users, the candidate ServiceAccounts
    /// (their `Impersonate-User` value). A step names that permission next to the group's.
    /// - Complexity: O(candidate users and ServiceAccounts) plus one cached
    ///   ``AttackContext/allowed(_:)`` and O(S / 64) per distinct (normalized) request.
    static func userImpersonators(_ context: AttackContext) -> [(request: AccessRequest, sources: BitSet)] {
        var out: [(request: AccessRequest, sources: BitSet)] = []
        var covered = BitSet(capacity: context.table.count)
        // Requests with the same answer (unlisted names share the fresh name's) are checked once.
        var asked = Set<AccessRequest>()
        func witness(_ r: AccessRequest) {
            guard asked.insert(context.normalized(r)).inserted else { return }
            let allowed = context.allowed(r)
            guard !allowed.isSubset(of: covered) else { return }
            out.append((r, allowed.subtracting(covered)))
            covered.formUnion(allowed)
        }
        witness(E5b.request(AttackContext.freshName))
        for user in context.candidates.users {
            if case .user(let u) = user { witness(E5b.request(u)) }
        }
        for sa in context.candidates.serviceAccounts {
            if let r = E5a.request(sa) { witness(r) }
        }
        return out
    }

    public static func addEdges(_ context: AttackContext, into edges: EdgeSink) {
        let impersonators = userImpersonators(context)
        guard !impersonators.isEmpty else { return }
        for group in context.candidates.groups {
            guard case .group(let g) = group else { continue }
            let r = AccessRequest.r("impersonate", "", "groups", name: g)
            let allowed = context.allowed(r)
            guard !allowed.isEmpty else { continue }
            for (user, sources) in impersonators {
                edges.add(from: allowed.intersection(sources), to: group, requests: [r, user])
            }
        }
    }
}

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

    /// States that can impersonate some user: a fresh name, a candidate user, or a candidate SA.
    static func canImpersonateAUser(_ context: AttackContext) -> BitSet {
        var out = context.allowed(E5b.request(AttackContext.freshName))
        for user in context.candidates.users {
            if case .user(let u) = user { out.formUnion(context.allowed(E5b.request(u))) }
        }
        for sa in context.candidates.serviceAccounts {
            if let r = E5a.request(sa) { out.formUnion(context.allowed(r)) }
        }
        return out
    }

    public static func addEdges(_ context: AttackContext) {
        let users = canImpersonateAUser(context)
        guard !users.isEmpty else { return }
        for group in context.candidates.groups {
            guard case .group(let g) = group else { continue }
            let r = AccessRequest.r("impersonate", "", "groups", name: g)
            let fresh = E5b.request(AttackContext.freshName)
            context.add(from: context.allowed(r).intersection(users), to: group, requests: [r, fresh])
        }
    }
}

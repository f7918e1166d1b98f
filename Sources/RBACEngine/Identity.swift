/// The user and groups of one authorizer request (rbac.md rule 1: groups are exactly what is given).
public struct Identity: Hashable, Sendable, CustomStringConvertible {
    /// The username; `nil` for a group-only identity (`access Group:g`).
    public var user: String?
    public var groups: [String]

    public init(user: String?, groups: [String] = []) {
        self.user = user
        self.groups = groups
    }

    /// A service account `N/a`: user `system:serviceaccount:N:a` with groups
    /// `system:serviceaccounts`, `system:serviceaccounts:N`, `system:authenticated` (plus `extra`).
    public static func serviceAccount(namespace: String, name: String, extraGroups: [String] = []) -> Identity {
        let groups = ["system:serviceaccounts", "system:serviceaccounts:\(namespace)", "system:authenticated"]
        return Identity(user: "\(Principal.serviceAccountUsernamePrefix)\(namespace):\(name)",
                        groups: unique(groups + extraGroups))
    }

    /// The identity of a subject string as the API server's impersonation filter builds it:
    /// a service account gets its three groups; a user gets `system:authenticated` (or
    /// `system:unauthenticated` for `system:anonymous`); a group is just that group.
    /// `extraGroups` (`--as-group`) are added.
    public static func impersonating(_ principal: Principal, extraGroups: [String] = []) -> Identity {
        switch principal {
        case .serviceAccount(let ns, let n):
            return serviceAccount(namespace: ns, name: n, extraGroups: extraGroups)
        case .user(let u):
            let implied = u == "system:anonymous" ? "system:unauthenticated" : "system:authenticated"
            return Identity(user: u, groups: unique(extraGroups + [implied]))
        case .group(let g):
            return Identity(user: nil, groups: unique([g] + extraGroups))
        }
    }

    /// The principals whose grants apply to this identity: the user (normalised) and each group.
    public var principals: [Principal] {
        var out: [Principal] = []
        if let user { out.append(Principal.forUsername(user)) }
        out += groups.map { Principal.group($0) }
        return out
    }

    public var description: String {
        let list = "groups=[\(groups.joined(separator: ","))]"
        guard let user else { return list }
        let who = Principal.forUsername(user).description
        return groups.isEmpty ? who : "\(who) \(list)"
    }

    private static func unique(_ list: [String]) -> [String] {
        var seen = Set<String>()
        return list.filter { seen.insert($0).inserted }
    }
}

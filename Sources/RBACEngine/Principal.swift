/// Who a grant names, after normalisation (rbac.md "Subjects"): a user, a group, or a
/// service account. `User:system:serviceaccount:N:a` normalises to the service account `N/a`.
///
/// Ordered by the code points of ``description`` (`User:…`, `Group:…`, `ServiceAccount:ns/name`),
/// which is the order of every who-can answer.
public enum Principal: Hashable, Sendable, Comparable, CustomStringConvertible {
    case user(String)
    case group(String)
    case serviceAccount(namespace: String, name: String)

    /// The username prefix of service accounts (`k8s.io/apiserver/pkg/authentication/serviceaccount`).
    public static let serviceAccountUsernamePrefix = "system:serviceaccount:"

    /// `Group:system:masters`, the privileged group of rbac.md rule 3.
    public static let masters = Principal.group("system:masters")

    /// The principal a username stands for: a service account when it is a well-formed
    /// `system:serviceaccount:N:a` (exactly two non-empty parts, like upstream `SplitUsername`),
    /// else the user.
    public static func forUsername(_ username: String) -> Principal {
        if let (ns, name) = splitServiceAccountUsername(username) { return .serviceAccount(namespace: ns, name: name) }
        return .user(username)
    }

    /// `(namespace, name)` of a `system:serviceaccount:N:a` username, else `nil`.
    public static func splitServiceAccountUsername(_ username: String) -> (String, String)? {
        guard username.hasPrefix(serviceAccountUsernamePrefix) else { return nil }
        let parts = username.dropFirst(serviceAccountUsernamePrefix.count)
            .split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { return nil }
        return (String(parts[0]), String(parts[1]))
    }

    /// Parses `User:name`, `Group:name` or `ServiceAccount:ns/name` (the subject strings of rbac.md).
    public init?(parsing text: String) {
        guard let colon = text.firstIndex(of: ":") else { return nil }
        let kind = text[..<colon], rest = String(text[text.index(after: colon)...])
        guard !rest.isEmpty else { return nil }
        switch kind {
        case "User": self = Principal.forUsername(rest)
        case "Group": self = .group(rest)
        case "ServiceAccount":
            let parts = rest.split(separator: "/", omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { return nil }
            self = .serviceAccount(namespace: String(parts[0]), name: String(parts[1]))
        default: return nil
        }
    }

    /// `User:<name>`, `Group:<name>` or `ServiceAccount:<namespace>/<name>`.
    public var description: String {
        switch self {
        case .user(let n): "User:\(n)"
        case .group(let n): "Group:\(n)"
        case .serviceAccount(let ns, let n): "ServiceAccount:\(ns)/\(n)"
        }
    }

    /// The authenticated username (`system:serviceaccount:N:a` for service accounts), `nil` for groups.
    public var username: String? {
        switch self {
        case .user(let n): n
        case .group: nil
        case .serviceAccount(let ns, let n): "\(Principal.serviceAccountUsernamePrefix)\(ns):\(n)"
        }
    }

    /// Code-point order of ``description`` (UTF-8 byte order equals code-point order).
    public static func < (a: Principal, b: Principal) -> Bool {
        a.description.utf8.lexicographicallyPrecedes(b.description.utf8)
    }
}

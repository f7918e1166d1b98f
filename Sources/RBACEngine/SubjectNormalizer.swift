import ReachModel

/// Binding subjects → principals (rbac.md rule 6; `appliesTo` in `pkg/registry/rbac/validation/rule.go`).
///
/// * `ServiceAccount` without a namespace takes the RoleBinding's namespace; in a
///   ClusterRoleBinding it matches nobody (warned).
/// * `User` named `system:serviceaccount:N:a` is the service account `N/a` (reported as info).
/// * Kinds are compared exactly (`user` is not `User`); unknown kinds match nobody (warned).
public enum SubjectNormalizer {
    /// The principal `subject` stands for, or `nil` when it matches nobody.
    /// `bindingNamespace` is `nil` for ClusterRoleBindings.
    public static func principal(_ subject: Subject, bindingNamespace: String?) -> Principal? {
        switch subject.kind {
        case "User": return Principal.forUsername(subject.name)
        case "Group": return .group(subject.name)
        case "ServiceAccount":
            let ns = (subject.namespace?.isEmpty == false ? subject.namespace : nil) ?? bindingNamespace
            guard let ns, !ns.isEmpty else { return nil }
            return .serviceAccount(namespace: ns, name: subject.name)
        default: return nil
        }
    }

    /// The diagnostic for an odd subject, if any.
    public static func diagnostic(_ subject: Subject, index: Int, bindingNamespace: String?,
                                  location: SourceLocation) -> Diagnostic? {
        let path = "subjects[\(index)]"
        switch subject.kind {
        case "User":
            guard let (ns, name) = Principal.splitServiceAccountUsername(subject.name) else { return nil }
            return .rbac(RBACDiagnosticID.userIsServiceAccount, .info, location, path: path,
                         "User \(subject.name) is the service account \(ns)/\(name)")
        case "Group": return nil
        case "ServiceAccount":
            if principal(subject, bindingNamespace: bindingNamespace) != nil { return nil }
            return .rbac(RBACDiagnosticID.serviceAccountWithoutNamespace, .warning, location, path: "\(path).namespace",
                         "ServiceAccount subject \(subject.name) has no namespace in a ClusterRoleBinding: it matches nobody")
        default:
            return .rbac(RBACDiagnosticID.unknownSubjectKind, .warning, location, path: "\(path).kind",
                         "subject kind '\(subject.kind)' is not User, Group or ServiceAccount: it matches nobody")
        }
    }
}

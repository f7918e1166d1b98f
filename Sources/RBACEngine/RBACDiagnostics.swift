import ReachModel

/// Stable identifiers of the diagnostics the RBAC engine reports (they double as SARIF ruleIds).
///
/// Kept beside the engine (not in ``ReachModel/DiagnosticID``) so the engine owns its IDs; the
/// loader's `KR-LOAD-*` IDs stay where they are.
public enum RBACDiagnosticID {
    /// A binding's `roleRef` names a Role/ClusterRole that is not in the input: it grants nothing.
    public static let missingRole = "KR-RBAC-001"
    /// A ServiceAccount subject without a namespace in a ClusterRoleBinding: it matches nobody.
    public static let serviceAccountWithoutNamespace = "KR-RBAC-002"
    /// A subject of a kind other than User, Group, ServiceAccount: it matches nobody.
    public static let unknownSubjectKind = "KR-RBAC-003"
    /// ClusterRoles that aggregate each other in a cycle (their rules are the least fixpoint).
    public static let aggregationCycle = "KR-RBAC-004"
    /// An aggregated ClusterRole also authors `rules`; the aggregation controller replaces them.
    public static let aggregatedRulesDiscarded = "KR-RBAC-005"
    /// A User subject spelled `system:serviceaccount:N:a` is the ServiceAccount `N/a`.
    public static let userIsServiceAccount = "KR-RBAC-006"

    /// Every ID with a one-line summary (for documentation and SARIF rule tables).
    public static let all: [(id: String, summary: String)] = [
        (missingRole, "binding references a missing Role/ClusterRole"),
        (serviceAccountWithoutNamespace, "ServiceAccount subject without namespace in a ClusterRoleBinding"),
        (unknownSubjectKind, "subject of unknown kind"),
        (aggregationCycle, "ClusterRole aggregation cycle"),
        (aggregatedRulesDiscarded, "aggregated ClusterRole's own rules are replaced by aggregation"),
        (userIsServiceAccount, "User subject names a service account"),
    ]
}

extension Diagnostic {
    static func rbac(_ id: String, _ severity: Severity, _ location: SourceLocation?, path: String? = nil,
                     _ message: String) -> Diagnostic {
        Diagnostic(id: id, severity: severity, location: location, path: path, message: message)
    }
}

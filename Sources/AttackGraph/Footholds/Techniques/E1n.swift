/// E1n — create an escaping pod.
///
/// Condition: `(create, "", pods, "", N)` (or a pod controller, E6a's kinds) **and** namespace
/// `N`'s label `pod-security.kubernetes.io/enforce` is absent or `privileged` (the built-in
/// default admits privileged pods); the attacker sets `privileged: true` and `spec.nodeName`.
/// Target: every `Node:n`, and `Node:*`.
///
/// Admission webhooks other than Pod Security Admission are not modelled (docs/attack-techniques.md).
public enum E1n: FootholdTechnique {
    public static let id = TechniqueID("E1n")
    public static let title = "create an escaping pod"
    public static let condition = """
        `(create, "", pods, "", N)` (or a pod controller, E6a's kinds) **and** namespace `N`'s label \
        `pod-security.kubernetes.io/enforce` is absent or `privileged` (the built-in default admits privileged pods); the \
        attacker sets `privileged: true` and `spec.nodeName`
        """
    public static let targets = "every `Node:n`, and `Node:*`"
    public static let isAssumption = false

    /// Whether Pod Security Admission admits a privileged pod in a namespace with `labels`.
    public static func admitsPrivileged(_ labels: [String: String]) -> Bool {
        guard let level = labels["pod-security.kubernetes.io/enforce"] else { return true }
        return level == "privileged"
    }
}

/// F1 — read the mounted token.
///
/// Condition: `P`'s service-account token is mounted (escalation.md's rule: unless
/// `automountServiceAccountToken: false` on the pod or, when the pod does not set it, on its
/// ServiceAccount).
/// Target: the `ServiceAccount` of `P`.
public enum F1: FootholdTechnique {
    public static let id = TechniqueID("F1")
    public static let title = "read the mounted token"
    public static let condition = "`P`'s service-account token is mounted (escalation.md's rule)"
    public static let targets = "`ServiceAccount` of `P`"
    public static let isAssumption = false
}

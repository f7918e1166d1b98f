/// E7p — exec into a pod.
///
/// Condition: E7's condition on pod `P` (`(create, "", pods/exec, name=P, N)` or
/// `(create, "", pods/attach, name=P, N)`), token mounted or not.
/// Target: `Pod:P`. A template pod's name is chosen by its controller, so only rules without
/// `resourceNames` allow it (escalation.md's fresh name).
public enum E7p: FootholdTechnique {
    public static let id = TechniqueID("E7p")
    public static let title = "exec into a pod"
    public static let condition = "E7's condition on pod `P` (token mounted or not)"
    public static let targets = "`Pod:P`"
    public static let isAssumption = false
}

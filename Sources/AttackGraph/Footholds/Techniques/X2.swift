/// X2 — lateral movement (an assumption: the reachable service is exploitable).
///
/// Condition: NetworkPolicy allows `A` → `B` on at least one port `B` listens on (a declared
/// `containerPort`, or a target port of a Service selecting `B`); `A ≠ B`.
/// Target: `Pod:B` (from `Pod:A`).
///
/// Never materialised per pod pair: ``LateralMovement`` steps a frontier bitset over the
/// NetworkEngine's per-port-class class matrices.
public enum X2: FootholdTechnique {
    public static let id = TechniqueID("X2")
    public static let title = "lateral movement"
    public static let condition = """
        NetworkPolicy allows `A` → `B` on at least one port `B` listens on (a declared `containerPort`, or a target port \
        of a Service selecting `B`); `A ≠ B`. An assumption: the reachable service is exploitable
        """
    public static let targets = "`Pod:B` (from `Pod:A`)"
    public static let isAssumption = true
}

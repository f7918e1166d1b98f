/// F3 — take the pods of a node.
///
/// Condition: root on `n` gives every container on it.
/// Target: `Pod:Q` for every `Q` with `spec.nodeName: n`. `Node:*` has no F3 edge (its
/// neighbours are unknown).
public enum F3: FootholdTechnique {
    public static let id = TechniqueID("F3")
    public static let title = "take the pods of a node"
    public static let condition = "root on `n` gives every container on it (`Node:*` has none: its pods are unknown)"
    public static let targets = "`Pod:Q` for every `Q` with `spec.nodeName: n`"
    public static let isAssumption = false
}

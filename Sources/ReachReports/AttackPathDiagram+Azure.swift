import ReachKit

/// Diagrams of `paths --azure` answers, for ``AttackPathDot``. Formatting only.
extension AttackPathDiagram {
    /// Azure-aware paths merged into one graph; each path ends at its goal node (several goals
    /// may appear: `goal` names the diagram). Unreachable answers are left out.
    /// - Complexity: O(total steps).
    public init(azure reports: [AzurePathReport], goal: String, title: String) {
        let paths: [[Step]] = reports.compactMap { r in
            guard let steps = r.steps else { return nil }
            var from = r.start
            var out: [Step] = []
            for s in steps {
                let name = s.admissionNote == nil ? s.title : s.title + " (subject to admission policy)"
                out.append(Step(from: from, to: s.to, techniqueID: s.technique, techniqueName: name,
                                permission: s.evidence.first ?? s.title, binding: s.evidence.dropFirst().first))
                from = s.to
            }
            let goalName = "\(r.goal)"
            out.append(Step(from: from, to: goalName, techniqueID: goalName.hasPrefix("keyvault ") ? "KV"
                                : r.goalGrantedBy.first?.hasPrefix("Azure RBAC") == true ? "AzureRBAC" : "RBAC",
                            techniqueName: "allowed", permission: goalName, binding: r.goalGrantedBy.first))
            return out
        }
        self.init(paths: paths, goal: goal, title: title)
    }
}

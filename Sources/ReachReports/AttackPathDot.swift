/// The input of the attack-path graph: plain data, so the attack-path engine can fill it later
/// and tests can build it by hand.
public struct AttackPathDiagram: Hashable, Sendable, Codable {
    /// One escalation step: holding `from`, technique `techniqueID` (e.g. `KR-ATK-003 pods/exec`)
    /// using `permission` (granted by `binding`) reaches `to`.
    public struct Step: Hashable, Sendable, Codable {
        /// States are identities or footholds, e.g. `ServiceAccount:dev/ci`, `Pod:kube-system/etcd`.
        public var from: String
        public var to: String
        public var techniqueID: String
        public var techniqueName: String
        /// What the technique needs, e.g. `create pods/exec in kube-system`.
        public var permission: String
        /// The binding that grants it, e.g. `RoleBinding dev/ci-exec` (shown as a tooltip).
        public var binding: String?

        public init(from: String, to: String, techniqueID: String, techniqueName: String, permission: String, binding: String? = nil) {
            self.from = from
            self.to = to
            self.techniqueID = techniqueID
            self.techniqueName = techniqueName
            self.permission = permission
            self.binding = binding
        }
    }

    /// Each path is a chain of steps (`steps[i].to == steps[i+1].from`).
    public var paths: [[Step]]
    /// The state every path ends in (highlighted), e.g. `cluster-admin`.
    public var goal: String
    public var title: String

    enum CodingKeys: String, CodingKey { case paths, goal, title }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        paths = try c.decode([[Step]].self, forKey: .paths)
        goal = try c.decode(String.self, forKey: .goal)
        title = try c.decodeIfPresent(String.self, forKey: .title) ?? "Attack paths"
    }

    public init(paths: [[Step]], goal: String, title: String = "Attack paths") {
        self.paths = paths
        self.goal = goal
        self.title = title
    }
}

/// DOT for attack paths: identities and footholds as nodes, one edge per distinct (from, to,
/// technique) labelled with the technique and its permission, the granting binding as the edge
/// tooltip, path starts marked and the goal highlighted. Several paths merge into one graph
/// (shared states and steps drawn once, edge width growing with the paths through it).
public enum AttackPathDot {
    static let prefix = "attack"

    public static func document(_ diagram: AttackPathDiagram, nodeBudget: Int = AttackPathDiagram.defaultNodeBudget) -> GraphDocument {
        GraphDocument(graph: graph(diagram, nodeBudget: nodeBudget))
    }

    /// At most `nodeBudget` states are drawn (``AttackPathDiagram/budgeted(_:)``: long paths
    /// shortened around a "… N steps not drawn" node, paths beyond the budget left out; the
    /// legend says so).
    /// - Complexity: O(total steps).
    public static func graph(_ full: AttackPathDiagram, nodeBudget: Int = AttackPathDiagram.defaultNodeBudget) -> DotGraph {
        let (diagram, cut) = full.budgeted(nodeBudget)
        var g = GraphStyle.base(name: "attack_paths", title: diagram.title)
        struct Key: Hashable { var from: String, to: String, technique: String }
        var order: [Key] = []
        var steps: [Key: (step: AttackPathDiagram.Step, paths: Int, bindings: [String])] = [:]
        let starts = Set(diagram.paths.compactMap { $0.first?.from })
        for path in diagram.paths {
            for step in path {
                let key = Key(from: step.from, to: step.to, technique: step.techniqueID)
                if var seen = steps[key] {
                    seen.paths += 1
                    if let b = step.binding, !seen.bindings.contains(b) { seen.bindings.append(b) }
                    steps[key] = seen
                } else {
                    order.append(key)
                    steps[key] = (step, 1, step.binding.map { [$0] } ?? [])
                }
                addState(step.from, diagram.goal, starts, cut.elisionStates, to: &g)
                addState(step.to, diagram.goal, starts, cut.elisionStates, to: &g)
            }
        }
        if diagram.paths.isEmpty { addState(diagram.goal, diagram.goal, [], [], to: &g) }
        for key in order {
            guard let entry = steps[key] else { continue }
            let s = entry.step
            let granted = entry.bindings.isEmpty ? "granting binding unknown" : "granted by " + entry.bindings.joined(separator: "; ")
            if cut.elisionStates.contains(s.from) || cut.elisionStates.contains(s.to) {
                g.addEdge(s.from, s.to, ["id": SVGID.make(prefix, "\(s.from)->\(s.to)"), "style": "dashed",
                                         "label": s.techniqueName, "tooltip": s.permission])
                continue
            }
            g.addEdge(s.from, s.to, [
                "id": SVGID.make(prefix, "\(s.from)->\(s.to):\(s.techniqueID)"),
                "label": "\(s.techniqueID) \(s.techniqueName)\n\(s.permission)",
                "tooltip": "\(s.techniqueID) \(s.techniqueName): \(s.permission); \(granted)",
                "labeltooltip": granted,
                "penwidth": String(min(1 + entry.paths, 5)),
                "color": s.to == diagram.goal ? "#c0392b" : "#555555",
            ])
        }
        var legend = [
            "double border: where a path starts",
            "red octagon: the goal (\(full.goal))",
            "edge: technique ID and name, permission it uses",
            "edge tooltip: the binding that grants the permission",
            "thicker edge: shared by more paths",
            "\(full.paths.count) path\(full.paths.count == 1 ? "" : "s") merged",
        ]
        if cut.elidedSteps > 0 { legend.append("grey box3d: \(cut.elidedSteps) steps of long paths not drawn (node budget \(nodeBudget))") }
        if cut.omittedPaths > 0 { legend.append("\(cut.omittedPaths) path\(cut.omittedPaths == 1 ? "" : "s") not drawn (node budget \(nodeBudget))") }
        GraphLegend.add(to: &g, prefix: prefix, lines: legend)
        return g
    }

    static func addState(_ state: String, _ goal: String, _ starts: Set<String>, _ elisions: Set<String>, to g: inout DotGraph) {
        var a = ["id": SVGID.make(prefix, state), "label": state.replacingFirstColon(), "tooltip": state, "style": "filled"]
        if elisions.contains(state) {
            a["label"] = state; a["shape"] = "box3d"; a["fillcolor"] = "#eeeeee"
        } else if state == goal {
            a["shape"] = "doubleoctagon"; a["fillcolor"] = "#c0392b"; a["fontcolor"] = "#ffffff"; a["penwidth"] = "2"
        } else {
            a["shape"] = "box"; a["style"] = "rounded,filled"
            a["fillcolor"] = starts.contains(state) ? "#dbe9ff" : "#fff2c2"
            if starts.contains(state) { a["peripheries"] = "2" }
        }
        g.addNode(state, a)
    }
}

extension String {
    /// `Kind:name` as two lines (`Kind` above `name`); other text unchanged.
    func replacingFirstColon() -> String {
        guard let colon = firstIndex(of: ":"), colon != startIndex else { return self }
        let kind = self[..<colon]
        guard kind.first?.isUppercase == true, !kind.contains(" ") else { return self }
        // A self-grant state `Kind:name+Grant` gets the grant on a third line.
        return kind + "\n" + self[index(after: colon)...].replacingOccurrences(of: "+", with: "\n+")
    }
}

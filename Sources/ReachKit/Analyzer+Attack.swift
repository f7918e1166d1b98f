import AttackGraph
import RBACEngine
import ReachModel

/// One step of a reported attack path: the technique, the state reached, and each permission of
/// the condition that the acting state holds with what grants it.
public struct AttackStepReport: Sendable {
    public var technique: TechniqueID
    public var title: String
    public var from: String
    public var to: String
    /// The object used (pod, secret, controller, role), empty when none.
    public var object: String
    /// Held permissions of the condition and, per permission, what grants it
    /// (`RoleBinding/dev/x → Role/dev/y`, `self-grant ClusterRole:r@prod`, `system:masters`).
    public var permissions: [(request: AccessRequest, grantedBy: [String])]
}

/// A path question and its answer (interfaces.md `paths`).
public struct AttackPathReport: Sendable {
    public var from: AttackState
    public var goal: AccessRequest
    public var steps: [AttackStepReport]?
    public var reachable: Bool { steps != nil }
    public var length: Int? { steps?.count }
    /// What grants the goal to the final state (empty when unreachable).
    public var goalGrantedBy: [String]
}

extension Analyzer {
    /// The attack graph of the snapshot under `index`, with `starts` as extra start identities.
    /// - Complexity: see ``AttackGraph/AttackGraph/init(snapshot:index:starts:)``.
    public func attackGraph(index: RBACIndex, starts: [AttackState] = []) -> AttackGraph {
        AttackGraph(snapshot: snapshot, index: index, starts: starts)
    }
}

extension AttackGraph {
    /// The start state for `principal` with `groups` (`nil` or the table's default groups give
    /// the candidate state itself).
    public static func start(_ principal: Principal, groups: [String]?) -> AttackState {
        let plain = AttackState(principal)
        guard let groups, groups != plain.identity.groups else { return plain }
        return AttackState(principal, groups: groups)
    }

    /// The minimal path from `start` to `goal`, resolved for reports.
    /// - Complexity: one goal search (O(S + E)) plus one RBAC check per permission on the path.
    public func report(from start: AttackState, to goal: AccessRequest) -> AttackPathReport {
        guard let path = path(from: start, to: goal) else {
            return AttackPathReport(from: start, goal: goal, steps: nil, goalGrantedBy: [])
        }
        let steps = path.steps.map { step($0) }
        let last = path.steps.last.map { $0.to } ?? (table.id(of: start) ?? 0)
        return AttackPathReport(from: start, goal: goal, steps: steps, goalGrantedBy: grantedBy(table[last], goal))
    }

    /// One edge resolved for reports: the permissions of its condition the acting state holds,
    /// each with what grants it.
    /// - Complexity: one RBAC check per permission of the condition.
    public func step(_ e: AttackEdge) -> AttackStepReport {
        let from = table[e.from]
        var held: [(AccessRequest, [String])] = []
        for r in e.requests {
            let why = grantedBy(from, r)
            if !why.isEmpty { held.append((r, why)) }
        }
        return AttackStepReport(technique: e.technique, title: TechniqueCatalog.technique(e.technique)?.title ?? "",
                                from: from.description, to: table[e.to].description, object: e.object, permissions: held)
    }

    /// What grants `request` to `state`: bindings → roles, the masters convention, or the self-grant.
    public func grantedBy(_ state: AttackState, _ request: AccessRequest) -> [String] {
        let d = table.index.check(state.identity, request)
        var out = Array(Set(d.grants.map { "\($0.binding) → \($0.role)" })).sorted()
        if d.bySystemMasters { out.append("system:masters") }
        if let g = state.grant, table.grantAllows(g, request) { out.append("self-grant \(g)") }
        return out
    }
}

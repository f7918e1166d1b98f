import AttackGraph
import NetworkEngine
import RBACEngine

extension Analyzer {
    /// The foothold graph (footholds.md) of the snapshot: the attack graph under `index` with
    /// `starts` and every template pod's ServiceAccount as extra states, joined with `reach`.
    /// - Complexity: one ``AttackGraph/AttackGraph/init(snapshot:index:starts:)`` plus
    ///   ``AttackGraph/FootholdGraph/init(snapshot:attack:reach:)``.
    public func footholdGraph(index: RBACIndex, reach: NetworkReach, starts: [AttackState] = []) -> FootholdGraph {
        let attack = AttackGraph(snapshot: snapshot, index: index, starts: starts + FootholdGraph.templateServiceAccounts(snapshot))
        return FootholdGraph(snapshot: snapshot, attack: attack, reach: reach)
    }
}

/// One step of a reported foothold path.
public struct FootholdStepReport: Sendable {
    public var technique: TechniqueID
    public var title: String
    public var from: String
    public var to: String
    /// The object used (Service, pod, namespace), empty when none.
    public var object: String
    /// Why the condition holds: `port TCP/8080` for X2, the escape reason for F2; empty when none.
    public var detail: String
    /// Whether the step is an assumption (X1, X2: an exposed or reachable service is exploitable).
    public var isAssumption: Bool
    /// For RBAC steps and E1n/E7p: the held permissions of the condition and what grants each.
    public var permissions: [(request: AccessRequest, grantedBy: [String])]
    /// Set on E1n and E7p steps when the cluster runs an admission policy engine besides Pod
    /// Security Admission (the AKS Azure Policy add-on): the API request the step makes (create
    /// an escaping pod, exec into a pod) may be rejected by policies that are not in the input.
    public var admissionNote: String? = nil
}

/// What a foothold path's steps may be subject to beyond the input (footholds.md "Not modeled").
public struct FootholdAdmission: Sendable, Equatable {
    /// The note put on E1n and E7p steps, `nil` when no admission policy engine is known.
    public var note: String?
    public init(note: String? = nil) { self.note = note }
    public static let none = FootholdAdmission()
    /// The AKS Azure Policy add-on (`addonProfiles.azurepolicy.enabled: true`) runs Gatekeeper
    /// with Azure Policy's constraints as a validating admission webhook.
    public static let azurePolicy = FootholdAdmission(note: "subject to admission policy: the Azure Policy add-on is enabled (addonProfiles.azurepolicy)")
    /// Techniques whose step is an API request an admission webhook sees: E1n creates a pod,
    /// E7p connects to `pods/exec` or `pods/attach`. F1–F3, X1 and X2 make no API request.
    public static let techniques: Set<String> = ["E1n", "E7p"]
}

/// A foothold path question and its answer (interfaces.md `paths`, plus assumptions).
public struct FootholdPathReport: Sendable {
    public var from: String
    public var goal: FootholdGoal
    public var assumeExploitable: Bool
    public var steps: [FootholdStepReport]?
    public var reachable: Bool { steps != nil }
    public var length: Int? { steps?.count }
    /// Why the final state holds the goal (bindings, a mounted secret), empty when unreachable.
    public var goalHeldBy: [String]
    /// Indices of the steps that are assumptions.
    public var assumptionSteps: [Int] { (steps ?? []).indices.filter { steps?[$0].isAssumption == true } }
}

extension FootholdGraph {
    /// The minimal path from `start` to `goal`, resolved for reports.
    /// - Complexity: one ``FootholdSearch`` plus one RBAC check per permission on the path.
    public func report(from start: FootholdState, to goal: FootholdGoal, assumeExploitable: Bool,
                       admission: FootholdAdmission = .none) -> FootholdPathReport {
        var r = FootholdPathReport(from: start.description, goal: goal, assumeExploitable: assumeExploitable, steps: nil, goalHeldBy: [])
        guard let path = path(from: start, to: goal, assumeExploitable: assumeExploitable) else { return r }
        r.steps = path.steps.map { s in
            var step = stepReport(s)
            if FootholdAdmission.techniques.contains(s.technique.raw) { step.admissionNote = admission.note }
            return step
        }
        r.goalHeldBy = heldBy(path.steps.last?.to ?? path.start, goal)
        return r
    }

    /// A step with the permissions its acting identity holds.
    /// - Complexity: one RBAC check per request of the condition.
    public func stepReport(_ s: FootholdStep) -> FootholdStepReport {
        var held: [(AccessRequest, [String])] = []
        if let e = s.rbac, s.from < identityCount {
            for r in e.requests {
                let why = attack.grantedBy(attack.table[s.from], r)
                if !why.isEmpty { held.append((r, why)) }
            }
        }
        return FootholdStepReport(technique: s.technique, title: FootholdCatalog.title(of: s.technique),
                                  from: state(s.from).description, to: state(s.to).description, object: s.object,
                                  detail: s.detail, isAssumption: s.isAssumption, permissions: held)
    }

    /// Why state `id` holds `goal`: the granting bindings of an identity, the secret a pod mounts,
    /// the pod of a node that mounts it; empty for node goals.
    /// - Complexity: one RBAC check, or O(pods) for a node.
    public func heldBy(_ id: Int, _ goal: FootholdGoal) -> [String] {
        guard case .request(let r) = goal else { return [] }
        if id < identityCount { return attack.grantedBy(attack.table[id], r) }
        let holding = Set(podsHoldingSecret(r))
        let secretText = { (p: Int) -> String in
            let names = r.name.isEmpty ? pods[p].secrets : [r.name]
            return "Pod/\(pods[p].name) mounts " + names.map { "Secret/\(r.namespace)/\($0)" }.joined(separator: ", ")
        }
        switch state(id) {
        case .pod(let name):
            return pods.index(named: name).map { holding.contains($0) ? [secretText($0)] : [] } ?? []
        case .node(let n):
            return holding.sorted().filter { pods[$0].nodeName == n }.prefix(1).map(secretText)
        default:
            return []
        }
    }
}

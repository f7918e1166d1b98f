import AttackGraph
import AzureEngine
import RBACEngine

extension AzurePathFinder {
    /// The `.state` nodes that hold `goal`: with a foothold graph, its holders (identities allowed
    /// the request, pods mounting the secret and their nodes; `Node:` states for node goals,
    /// footholds.md "Goals reached by footholds"); else the identities allowed the request.
    /// - Complexity: one ``AttackGraph/StateTable/allowed(_:)`` plus O(pods × mounted secrets).
    func holderStates(_ goal: AzurePathGoal) -> Set<Int> {
        switch goal {
        case .keyVault:
            return []
        case .kubernetes(let r):
            guard let f = footholds else { return Set(graph.table.allowed(r).members) }
            return Set(f.holders(of: .request(r)).members)
        case .foothold(let g):
            return Set(footholds?.holders(of: g).members ?? [])
        }
    }

    /// Edges of foothold-graph state `s` in canonical order: the foothold graph's (escalation.md's
    /// E1–E13 for an identity, then X1, X2, F1–F3, E1n, E7p), then AZ5 from a ServiceAccount
    /// identity and AZ8 from a `Node:` state (root on a node uses the kubelet's managed identity,
    /// docs/azure.md "Identity edges").
    /// - Complexity: as one level of ``AttackGraph/FootholdSearch`` from one state.
    func footholdEdges(from s: Int) -> [(Node, AzurePathStep)] {
        guard let f = footholds else { return [] }
        var out: [(Node, AzurePathStep)] = f.edges(from: s, assumeExploitable: assumeExploitable).map { e in
            let title = FootholdCatalog.title(of: e.technique)
            let evidence = [e.object, e.detail].filter { !$0.isEmpty }
            return (.state(e.to), AzurePathStep(technique: e.technique.raw, title: title, to: f.state(e.to).description,
                                                evidence: evidence, isAssumption: e.isAssumption))
        }
        if s < f.identityCount { return out + workloadEdges(from: s) }
        switch f.state(s) {
        case .node, .anyNode:
            // AZ8's condition and edge: Sources/AzureEngine/Techniques/AZ8.swift.
            if let (r, oid) = AZ8.route(analysis.authorizer, from: f.state(s).description) {
                out.append((.azure(oid), AzurePathStep(technique: r.technique.rawValue, title: r.technique.title, to: r.to,
                                                       evidence: r.evidence)))
            }
        default:
            break
        }
        return out
    }
}

extension AzurePathReport {
    /// The report with `admission`'s note on each E1n and E7p step (``FootholdAdmission/techniques``:
    /// the steps whose API request an admission webhook sees), as `paths --aks` marks foothold
    /// answers; unchanged when `admission` has no note.
    /// - Complexity: O(steps).
    public func marked(_ admission: FootholdAdmission) -> AzurePathReport {
        guard let note = admission.note, let steps else { return self }
        var out = self
        out.steps = steps.map { s in
            var step = s
            if FootholdAdmission.techniques.contains(s.technique) { step.admissionNote = note }
            return step
        }
        return out
    }
}

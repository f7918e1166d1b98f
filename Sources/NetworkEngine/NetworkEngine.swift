import ReachCore
import ReachModel

/// The NetworkPolicy engine (networkpolicy.md): snapshot in, ``NetworkReach`` out.
///
/// Pipeline: endpoints → IP atoms → equivalence classes → port atoms → compiled policies (rows of
/// `classes + external atoms` bits) → per port class `egress ∧ ingressᵀ`.
public enum NetworkEngine {
    /// Analyses the NetworkPolicy v1 objects of `snapshot` (other API groups never reach the
    /// snapshot's `networkPolicies`, rule 10). The per-port-class matrices are computed on first
    /// use (`eager: true` computes all of them now).
    /// - Complexity: compile O(E + P·R·W/64) for E endpoints, P policies with R rules, K classes,
    ///   W = K + external atoms; then O((Σ selected + K)·W/64 + isolated ingress bits) and
    ///   K²/8 bytes per port class computed (Q port classes when eager).
    public static func analyze(_ snapshot: ClusterSnapshot, eager: Bool = false) -> NetworkReach {
        analyze(snapshot, engine: .implicitDefault, eager: eager)
    }

    /// Analyses `policies` over an already built catalog.
    /// - Complexity: as ``analyze(_:)``.
    public static func analyze(catalog: EndpointCatalog, policies: [NetworkPolicy], eager: Bool = false) -> NetworkReach {
        let blocks = policies.flatMap { p in
            ((p.ingress ?? []) + (p.egress ?? [])).flatMap { rule in
                (rule.peers ?? []).compactMap(\.ipBlock).flatMap { b in ([b.cidr] + b.except).compactMap(CIDR.init) }
            }
        }
        let ipAtoms = IPAtomTable(blocks: blocks)
        let classes = EndpointClasses(catalog: catalog, policies: policies, ipAtoms: ipAtoms)
        let portAtoms = PortAtomTable(cuts: PolicyCompiler.portCuts(policies, catalog))
        var compiler = PolicyCompiler(catalog: catalog, classes: classes, ipAtoms: ipAtoms, portAtoms: portAtoms)
        let ingress = compiler.compile(policies, .ingress)
        let egress = compiler.compile(policies, .egress)
        let builder = ReachMatrixBuilder(
            classCount: classes.count, externalCount: ipAtoms.atoms.count, ingress: ingress, egress: egress,
            namedMask: ReachMatrixBuilder.namedMasks(classes: classes, catalog: catalog,
                                                     refs: EndpointClasses.namedPortRefs(policies),
                                                     portAtoms: portAtoms))
        let (portClassOfAtom, representatives) = portClasses(portAtoms, ingress + egress, builder.namedMask)
        let store = PortClassStore(builder: builder, representatives: representatives)
        if eager { store.computeAll() }
        return NetworkReach(catalog: catalog, policies: policies, classes: classes, portAtoms: portAtoms,
                            ipAtoms: ipAtoms, portClassOfAtom: portClassOfAtom, store: store,
                            diagnostics: catalog.diagnostics + directionDiagnostics(policies))
    }

    /// Groups port atoms on which every rule agrees: same numeric entries matching and no named
    /// port resolving inside. Returns atom → port class and each class's representative atom.
    /// - Complexity: O(atoms × rules).
    static func portClasses(_ atoms: PortAtomTable, _ dirs: [CompiledDirection],
                            _ named: [NamedPortRef: [Int: BitSet]]) -> ([Int], [Int]) {
        let rules = dirs.flatMap(\.rules).filter { !$0.allPorts }
        var index: [[Int]: Int] = [:]
        var ofAtom: [Int] = []
        var reps: [Int] = []
        for a in atoms.atoms.indices {
            var sig = rules.indices.filter { rules[$0].numericAtoms.contains(a) }
            if named.values.contains(where: { $0[a] != nil }) { sig.append(-1 - a) }
            if let pc = index[sig] {
                ofAtom.append(pc)
            } else {
                index[sig] = reps.count
                ofAtom.append(reps.count)
                reps.append(a)
            }
        }
        return (ofAtom, reps)
    }

    /// Rules written for a direction the policy's policyTypes leave out (ignored, rule 3).
    static func directionDiagnostics(_ policies: [NetworkPolicy]) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for p in policies {
            let types = p.effectivePolicyTypes
            for (type, rules) in [(PolicyType.ingress, p.ingress), (.egress, p.egress)] where !types.contains(type) {
                guard let rules, !rules.isEmpty else { continue }
                let why = p.policyTypes == nil || p.policyTypes?.isEmpty == true ? "defaulted" : "explicit"
                out.append(Diagnostic(
                    id: NetworkDiagnosticID.ignoredDirection, severity: .info, location: p.location,
                    path: "spec.\(type == .ingress ? "ingress" : "egress")",
                    message: "policy \(p.namespace ?? "")/\(p.name): \(type.rawValue) rules ignored, \(why) policyTypes are \(types.map(\.rawValue).sorted())"))
            }
        }
        return out
    }
}

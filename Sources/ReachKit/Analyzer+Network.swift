import NetworkEngine
import ReachCore
import ReachModel

/// A `reach` query failed (unknown pod, bad address).
public struct NetworkQueryError: Error, CustomStringConvertible, Sendable {
    public var description: String
}

extension Analyzer {
    /// Runs the NetworkPolicy engine on the snapshot.
    /// - Complexity: see ``NetworkEngine/analyze(_:)``.
    public func networkReach() -> NetworkReach { NetworkEngine.analyze(snapshot) }

    /// Runs the policy engine the cluster enforces (``ReachModel/PolicyEngineKind``).
    /// - Complexity: see ``NetworkEngine/analyze(_:engine:eager:)``.
    public func networkReach(engine: PolicyEngineChoice) -> NetworkReach { NetworkEngine.analyze(snapshot, engine: engine) }

    /// The probes of a `reach` answer: `probes` (deduplicated, sorted) or, when nil, every declared
    /// container port of the endpoints.
    /// - Complexity: O(endpoints × ports + P log P).
    public func reachProbes(_ reach: NetworkReach, probes: [ProbePort]?) -> [ProbePort] {
        Array(Set(probes ?? reach.declaredProbes)).sorted()
    }

    /// Lint findings plus the engine's diagnostics, sorted.
    public func networkFindings(_ reach: NetworkReach) -> [Diagnostic] {
        (reach.diagnostics + NetworkLint.findings(reach)).sorted()
    }

    /// Explains `source → destination` for each probe (`nil` = the destination's declared ports,
    /// else every declared port, else TCP/80). Names are `ns/pod`, `ns/name[Kind]`, or an IP.
    /// - Complexity: O(probes × policies × rules × peers).
    public func explain(_ reach: NetworkReach, source: String, destination: String,
                        probes: [ProbePort]?) -> Result<[ReachExplanation], NetworkQueryError> {
        guard let s = resolve(reach, source) else { return .failure(NetworkQueryError(description: "unknown source '\(source)'")) }
        guard let d = resolve(reach, destination) else {
            return .failure(NetworkQueryError(description: "unknown destination '\(destination)'"))
        }
        var list = probes ?? []
        if list.isEmpty, case .endpoint(let i) = d { list = Array(reach.endpoints[i].declaredProbes).sorted() }
        if list.isEmpty { list = reach.declaredProbes }
        if list.isEmpty { list = [ProbePort(protocol: .tcp, port: 80)] }
        let evaluator = reach.evaluator
        return .success(list.map { probe in
            var x = evaluator.explain(s, d, probe)
            // Name an address as given, with the external range that stands for it.
            if case .external = s { x.source = "\(source) (\(x.source))" }
            if case .external = d { x.destination = "\(destination) (\(x.destination))" }
            return x
        })
    }

    func resolve(_ reach: NetworkReach, _ name: String) -> NetworkPeerRef? {
        if let i = reach.endpointIndex(named: name) { return .endpoint(i) }
        if let i = reach.endpoints.firstIndex(where: { "\($0.namespace)/\($0.name)" == name }) { return .endpoint(i) }
        if let ip = IPAddress(name), let a = reach.ipAtoms.atom(of: ip) {
            if let i = reach.endpoints.firstIndex(where: { $0.ips.contains(ip) }) { return .endpoint(i) }
            return .external(a)
        }
        return nil
    }
}

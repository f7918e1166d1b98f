import RBACEngine
import ReachModel

/// Least privilege from observed use: for each user or service account in an audit log, the
/// minimal Role/ClusterRole rules covering the requests RBAC allowed it, and the permissions its
/// bindings grant that it never used. Pure: events and an ``RBACEngine/RBACIndex`` in, a report out.
public enum RoleNarrower {
    /// Options of ``narrow(_:index:options:)``.
    public struct Options: Sendable {
        /// Only these subjects (empty = every user and service account seen).
        public var subjects: Set<Principal>
        public init(subjects: Set<Principal> = []) { self.subjects = subjects }
    }

    /// Narrows every subject of `events`.
    ///
    /// Steps: ``selectRequests(_:)`` keeps one event per request; allowed events add
    /// ``RBACEngine/AccessRequest/required(by:)`` to their subject (and impersonation checks to the
    /// impersonator); denied ones are listed; ``RuleBuilder`` turns each subject's requests into
    /// rules; ``UnusedGrants`` compares them with the subject's effective permissions.
    /// - Complexity: O(E + Σ subjects (U log U + C × U)) for E events, U distinct requests of a
    ///   subject and C permission cells of its effective grants (see ``UnusedGrants``).
    public static func narrow(_ events: [ObservedRequest], index: RBACIndex, options: Options = Options()) -> NarrowingReport {
        let selection = selectRequests(events)
        var subjects: [Principal: Accumulator] = [:]
        for e in selection.requests {
            let principal = Principal.forUsername(e.username)
            if e.outcome == .allowed {
                subjects[principal, default: Accumulator()].use(e, AccessRequest.required(by: e), groups: e.groups)
            } else {
                subjects[principal, default: Accumulator()].deny(e)
            }
            if let impersonator = e.impersonator {
                subjects[Principal.forUsername(impersonator), default: Accumulator()]
                    .use(e, AccessRequest.impersonation(of: e), groups: e.impersonatorGroups)
            }
        }
        var span = Accumulator()
        for e in events { span.stamp(e) }
        let chosen = subjects.keys.filter { options.subjects.isEmpty || options.subjects.contains($0) }.sorted()
        return NarrowingReport(
            events: events.count, requests: selection.requests.count, requestReceivedOnly: selection.requestReceivedOnly,
            firstTimestamp: span.first, lastTimestamp: span.last,
            subjects: chosen.compactMap { p in subjects[p].map { narrow(p, $0, index: index) } })
    }

    /// One subject's result.
    static func narrow(_ principal: Principal, _ acc: Accumulator, index: RBACIndex) -> SubjectNarrowing {
        let observed = acc.used.sorted(by: AccessRequest.ordered)
        let identity: Identity
        if acc.groups.isEmpty || principal.username == nil {
            identity = Identity.impersonating(principal)
        } else {
            identity = Identity(user: principal.username, groups: acc.groups.sorted())
        }
        let denied = acc.denied.map { (request: $0.key, count: $0.value) }.sorted { AccessRequest.ordered($0.request, $1.request) }
        return SubjectNarrowing(principal: principal, identity: identity, eventsUsed: acc.eventsUsed,
                                firstTimestamp: acc.first, lastTimestamp: acc.last, observed: observed,
                                scopes: RuleBuilder.scopes(observed), denied: denied,
                                unused: UnusedGrants.unused(index.access(identity), used: observed))
    }

    /// One event per request: the stages of one `auditID` are merged, preferring
    /// `ResponseComplete`, then `Panic`, then `ResponseStarted` (long-running requests: watch,
    /// exec). Requests seen only at `RequestReceived` (emitted before authorization, so without a
    /// decision) are dropped and counted. Events without an `auditID` stand alone.
    /// - Complexity: O(E) expected.
    public static func selectRequests(_ events: [ObservedRequest]) -> (requests: [ObservedRequest], requestReceivedOnly: Int) {
        func rank(_ s: ObservedRequest.Stage) -> Int {
            switch s {
            case .requestReceived: 0
            case .responseStarted: 1
            case .panic: 2
            case .responseComplete: 3
            }
        }
        var best: [String: Int] = [:]  // auditID → index into out
        var out: [ObservedRequest] = []
        for e in events {
            if e.auditID.isEmpty { out.append(e); continue }
            if let i = best[e.auditID] {
                if rank(e.stage) > rank(out[i].stage) { out[i] = e }
            } else {
                best[e.auditID] = out.count
                out.append(e)
            }
        }
        let kept = out.filter { $0.stage != .requestReceived }
        return (kept, out.count - kept.count)
    }

    /// Per-subject tallies while scanning events.
    struct Accumulator {
        var used = Set<AccessRequest>()
        var denied: [AccessRequest: Int] = [:]
        var groups = Set<String>()
        var eventsUsed = 0
        var first = "", last = ""

        mutating func use(_ e: ObservedRequest, _ requests: [AccessRequest], groups g: [String]) {
            eventsUsed += 1
            used.formUnion(requests)
            groups.formUnion(g)
            stamp(e)
        }

        mutating func deny(_ e: ObservedRequest) {
            denied[AccessRequest(e), default: 0] += 1
            groups.formUnion(e.groups)
        }

        var firstKey = "", lastKey = ""

        mutating func stamp(_ e: ObservedRequest) {
            guard !e.timestamp.isEmpty else { return }
            let k = e.timestampKey
            if first.isEmpty || k < firstKey { first = e.timestamp; firstKey = k }
            if last.isEmpty || k > lastKey { last = e.timestamp; lastKey = k }
        }
    }
}

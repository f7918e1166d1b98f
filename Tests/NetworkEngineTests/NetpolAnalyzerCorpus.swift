import Foundation
import ReachCore
import ReachLoader
import ReachModel
import ReachTestSupport
@testable import NetworkEngine

/// Runs the engine on a netpol-analyzer `tests/<dir>` and renders its connlist the way that tool
/// does: workload granularity (a pod stands for its owner `ns/owner[OwnerKind]`, a Pod without
/// owner is `ns/name[Pod]`), no self or same-workload lines, IPv4 external atoms only.
struct NetpolAnalyzerCorpus {
    static let otherAPIs = ["AdminNetworkPolicy", "BaselineAdminNetworkPolicy", "MultiNetworkPolicy", "UserDefinedNetwork",
                            "ClusterUserDefinedNetwork", "NetworkAttachmentDefinition", "VirtualMachine"]

    let root: URL

    /// Input dirs that have a plain expected connlist (`<dir>_connlist_output.txt`).
    var cases: [String] {
        let tests = root.appendingPathComponent("tests")
        let dirs = (try? FileManager.default.contentsOfDirectory(atPath: tests.path)) ?? []
        return dirs.sorted().filter { FileManager.default.fileExists(atPath: expectedURL($0).path) }
    }

    func expectedURL(_ dir: String) -> URL {
        root.appendingPathComponent("test_outputs/connlist/\(dir)_connlist_output.txt")
    }

    /// Expected lines, minus the `{ingress-controller}` ones (Ingress/Route modelling, not NetworkPolicy).
    func expected(_ dir: String) -> Set<String> {
        let text = (try? String(contentsOf: expectedURL(dir), encoding: .utf8)) ?? ""
        return Set(text.replacingOccurrences(of: "\r", with: "").split(separator: "\n").map(String.init)
            .filter { !$0.isEmpty && !$0.contains("{ingress-controller}") })
    }

    /// `nil` when the dir uses other policy APIs (not NetworkPolicy v1) or has load errors.
    func snapshot(_ dir: String) -> ClusterSnapshot? {
        let snap = ManifestLoader().load(paths: [root.appendingPathComponent("tests/\(dir)").path])
        if snap.skippedKinds.keys.contains(where: { key in Self.otherAPIs.contains { key.hasSuffix(" " + $0) } }) { return nil }
        if snap.hasErrors { return nil }
        return snap
    }

    /// The snapshot as netpol-analyzer sees it: hostNetwork pods are ordinary pods and pod IPs
    /// never match ipBlocks (a pod without IP is never matched, rule 7). Returns which of the two
    /// adaptations changed anything.
    func adapted(_ snap: ClusterSnapshot) -> (ClusterSnapshot, hostNetwork: Bool, podIPInBlock: Bool) {
        var out = snap
        let blocks = snap.networkPolicies.flatMap { p in
            ((p.ingress ?? []) + (p.egress ?? [])).flatMap { ($0.peers ?? []).compactMap(\.ipBlock) }
        }
        let hostNetwork = snap.pods.contains { $0.spec.hostNetwork } || snap.workloads.contains { $0.template.hostNetwork }
        let inBlock = snap.pods.contains { pod in
            pod.podIPs.compactMap(IPAddress.init).contains { ip in blocks.contains { $0.contains(ip) } }
        }
        for i in out.pods.indices {
            out.pods[i].spec.hostNetwork = false
            out.pods[i].podIPs = []
        }
        for i in out.workloads.indices { out.workloads[i].template.hostNetwork = false }
        return (out, hostNetwork, inBlock)
    }

    /// Our connlist lines in netpol-analyzer's format. External atoms are cut per direction:
    /// sources by the ingress rules' ipBlocks, destinations by the egress rules' ipBlocks.
    func actual(_ snap: ClusterSnapshot) -> Set<String> {
        let reach = NetworkEngine.analyze(snap)
        let ingressAtoms = Self.v4Atoms(blocks(snap, ingress: true))
        let egressAtoms = Self.v4Atoms(blocks(snap, ingress: false))
        let fine = { (a: IPAtom) in reach.ipAtoms.atom(of: IPAddress(family: .v4, value: a.first)) ?? 0 }
        var firstOf: [String: Int] = [:]
        for (i, e) in reach.endpoints.enumerated() {
            // Static pods (owned by their Node) are reported as themselves.
            let name = e.workloadName.hasSuffix("[Node]") ? "\(e.namespace)/\(e.name)[Pod]" : e.workloadName
            if firstOf[name] == nil { firstOf[name] = i }
        }
        let workloads = firstOf.keys.sorted()
        var lines: Set<String> = []
        for a in workloads {
            guard let s = firstOf[a] else { continue }
            for b in workloads where a != b {
                guard let d = firstOf[b] else { continue }
                let conn = reach.connections(.endpoint(s), .endpoint(d))
                if !conn.isEmpty { lines.insert("\(a) => \(b) : \(conn)") }
            }
            for atom in egressAtoms {
                let out = reach.connections(.endpoint(s), .external(fine(atom)))
                if !out.isEmpty { lines.insert("\(a) => \(atom)[External] : \(out)") }
            }
            for atom in ingressAtoms {
                let inc = reach.connections(.external(fine(atom)), .endpoint(s))
                if !inc.isEmpty { lines.insert("\(atom)[External] => \(a) : \(inc)") }
            }
        }
        return lines
    }

    /// NetworkPolicy ipBlocks of one direction, plus (egress) the tier policies' `networks` peers.
    func blocks(_ snap: ClusterSnapshot, ingress: Bool) -> [IPBlock] {
        let np = snap.networkPolicies.flatMap { p in
            ((ingress ? p.ingress : p.egress) ?? []).flatMap { rule in (rule.peers ?? []).compactMap(\.ipBlock) }
        }
        guard !ingress else { return np }
        return np + snap.adminNetworkPolicies.flatMap { p in
            p.egress.flatMap { rule in
                rule.peers.flatMap { peer -> [IPBlock] in
                    if case .networks(let list) = peer { return list.map { IPBlock(cidr: $0) } }
                    return []
                }
            }
        }
    }

    /// netpol-analyzer cuts the address space at the ends of each block's merged interval set
    /// (cidr minus excepts, adjacent excepts merged), not at every except boundary.
    static func v4Atoms(_ blocks: [IPBlock]) -> [IPAtom] {
        var cuts: Set<UInt128> = [0]
        let maxV4 = UInt128(UInt32.max)
        for b in blocks {
            guard let cidr = CIDR(b.cidr), cidr.family == .v4 else { continue }
            var intervals: [(UInt128, UInt128)] = [(cidr.first, cidr.last)]
            for ex in b.except.compactMap(CIDR.init) {
                intervals = intervals.flatMap { (lo, hi) -> [(UInt128, UInt128)] in
                    if ex.last < lo || ex.first > hi { return [(lo, hi)] }
                    var out: [(UInt128, UInt128)] = []
                    if ex.first > lo { out.append((lo, ex.first - 1)) }
                    if ex.last < hi { out.append((ex.last + 1, hi)) }
                    return out
                }
            }
            for (lo, hi) in intervals {
                cuts.insert(lo)
                if hi < maxV4 { cuts.insert(hi + 1) }
            }
        }
        let sorted = cuts.sorted()
        return sorted.indices.map { i in
            IPAtom(family: .v4, first: sorted[i], last: i + 1 < sorted.count ? sorted[i + 1] - 1 : maxV4)
        }
    }
}

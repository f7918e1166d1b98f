import Foundation
import ReachModel

/// AKS-API-002: no authorized IP range opens the API server to every address.
struct AKSAuthorizedRangesOpen: ClusterCheck {
    let info = CheckInfo(
        id: "AKS-API-002", severity: .high, input: .aksCluster,
        title: "Authorized IP ranges include 0.0.0.0/0",
        rationale: "An authorized range of 0.0.0.0/0 (or ::/0) admits every address, so the allow-list gives no protection while looking like it does.",
        remediation: "Replace the catch-all range with the egress CIDRs of your administrators, CI runners and jump hosts.",
        recommendation: "No 0.0.0.0/0 in API server authorized IP ranges")

    static let catchAll: Set<String> = ["0.0.0.0/0", "0.0.0.0", "::/0", "*", "0.0.0.0/1", "128.0.0.0/1"]

    func violation(_ c: AKSCluster) -> (message: String, path: String)? {
        let ranges = c.strings("apiServerAccessProfile.authorizedIPRanges")
        guard let i = ranges.firstIndex(where: { Self.catchAll.contains($0.trimmingCharacters(in: .whitespaces)) }) else { return nil }
        return ("authorized IP range \(ranges[i]) admits every address", "apiServerAccessProfile.authorizedIPRanges[\(i)]")
    }
}

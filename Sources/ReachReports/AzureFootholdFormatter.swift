import Foundation
import ReachKit
import ReachModel

/// `who-can --transitive --footholds --azure` and `paths --to-admin --footholds --azure`: the
/// `Internet`, `Pod:` and `Node:` states that reach the goal only through the Azure identity layer
/// (docs/azure.md "With footholds"). Formatting only.
extension AzureFormatter {
    /// One row per state: length, first hop, the first Azure identity step (AZ…) and whether the
    /// path assumes X1/X2.
    public static func footholdHoldersText(_ reports: [AzurePathReport], title: String) -> String {
        var out = "\(title): \(reports.count) subject\(reports.count == 1 ? "" : "s")\n\n"
        var table = TextTable(header: ["SUBJECT", "LENGTH", "FIRST HOP", "AZURE STEP", "ASSUMES"], rightAligned: [1])
        for r in reports {
            let steps = r.steps ?? []
            let first = steps.first.map { "\($0.technique) → \($0.to)" } ?? "-"
            let azure = steps.first { $0.technique.hasPrefix("AZ") }.map { "\($0.technique) → \($0.to)" } ?? "-"
            table.add([r.start, String(steps.count), first, azure, r.assumptionSteps.isEmpty ? "-" : "X1/X2"])
        }
        if !reports.isEmpty { out += table.render() }
        return SafeText.terminalText(out)
    }

    /// A holders JSON document (as text) with an `azureFootholds` member added: each state's path
    /// in the shape of ``pathValue(_:)``.
    public static func addingFootholds(_ json: String, _ reports: [AzurePathReport]) -> String {
        guard var doc = JSONValue(parsing: Data(json.utf8)) else { return json }
        doc["azureFootholds"] = .array(reports.map(pathValue))
        return JSONText.encode(doc)
    }
}

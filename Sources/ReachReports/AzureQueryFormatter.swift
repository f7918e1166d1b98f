import AzureEngine
import ReachKit
import ReachModel

/// The JSON pieces of `query --azure` (``ReachKit/AzureQuery``): the same values the commands print.
/// Formatting only.
extension AzureFormatter {
    /// `can-i --azure`'s `azure` member, `who-can --azure`'s `azure` member and one `paths --azure`
    /// answer, for `analysis`.
    public static func queryFormat(_ analysis: AzureAnalysis) -> AzureQuery.Format {
        AzureQuery.Format(
            decision: { grants, oid in decisionAzure(grants, objectID: oid, analysis: analysis) },
            whoCan: { whoCanJSON($0, analysis: analysis) },
            path: pathValue)
    }
}

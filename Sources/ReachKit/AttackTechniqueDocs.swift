import AttackGraph
import AzureEngine

/// `docs/attack-techniques.md`: the escalation and foothold sections (``AttackGraph/TechniqueDocs``)
/// followed by the Azure identity edges (``AzureEngine/AzureTechniqueDocs``). The two engines do not
/// import each other, so the document is put together here; a test keeps the committed file equal
/// to this text (`KUBE_REACH_UPDATE_GOLDENS=1 swift test --filter DocsAndCorpusTests` rewrites it).
public enum AttackTechniqueDocs {
    /// The Markdown document.
    /// - Complexity: O(number of techniques).
    public static func markdown() -> String {
        TechniqueDocs.markdown() + "\n" + AzureTechniqueDocs.markdown()
    }
}

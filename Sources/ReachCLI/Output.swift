import Foundation

/// Writes command output to standard output in one piece.
enum Output {
    static func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}

import ArgumentParser
import Foundation

extension ExitCode {
    /// Reports an input or usage problem (`Error: message`) on standard error (or the test
    /// sink) and returns exit code 2, for the command to throw. The one way commands fail on
    /// bad input they detect themselves.
    static func inputError(_ message: String) -> ExitCode {
        Output.writeError("Error: \(message)\n")
        return ExitCode(2)
    }
}

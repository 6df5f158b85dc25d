package parse

// Version is the version of what Parse makes of a file. Bump it whenever
// the same bytes would parse to another Article (a new rule for titles,
// dates, quotes or cleaning, a new field): articles cached by another
// version are parsed again, never shown.
const Version = 2

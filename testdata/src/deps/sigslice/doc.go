package sigslice // want package:"matters"

// (This file comes first: analysistest expects the package's facts on its
// first line, and the others start with build constraints.)

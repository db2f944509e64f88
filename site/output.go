package site

import "github.com/clause-dev/clause/site/internal/write"

// output receives the built site's files: a write.Dir for a build, a
// write.Memory for serve and check, or a cache recorder.
type output = write.Output

// markerFile is the marker of a build's output folder; the loader never
// reads a folder that holds it.
const markerFile = write.MarkerFile

// keepOrWrite hands immutable data to out, without a copy when out can
// keep it.
func keepOrWrite(out output, p string, data []byte) error {
	if r, ok := out.(*recorder); ok {
		return r.keep(p, data)
	}
	return write.Keep(out, p, data)
}

// checkDestination refuses destinations that a build must never replace
// (see write.Check): besides the source, its parents, / and the home
// folder, the content, layouts and assets folders are protected. When the
// content folder is the source itself (content_dir: .), a destination
// inside it is fine: the build leaves it out of the content.
func checkDestination(opts Options) (string, error) {
	var protected []write.Protected
	if cd := contentDirOf(opts); cd != "." {
		protected = append(protected, write.Protected{Dir: cd, Name: "the content folder"})
	}
	protected = append(protected,
		write.Protected{Dir: layoutsDir, Name: "the layouts or assets folder"},
		write.Protected{Dir: assetsDir, Name: "the layouts or assets folder"})
	return write.Check(opts.Destination, opts.Source, protected...)
}

// put writes one output file to out, reporting failures. The error names
// the output path, not the temporary folder it was written in.
func (r *renderer) put(out output, p string, data []byte) {
	if err := out.Write(p, data); err != nil {
		r.errs.Errorf(p, 0, "cannot write: %v", unwrapPathError(err))
	}
}

package site

// Kind is the kind of an output page, as templates see it in .Kind and
// the body's class="kind-…". It is a string type, so a template's
// eq .Kind "policy" keeps working.
type Kind string

// The kinds of page a build writes.
const (
	KindPolicy    Kind = "policy"    // a policy's current page
	KindHome      Kind = "home"      // the home page
	KindNotFound  Kind = "404"       // 404.html
	KindVersion   Kind = "version"   // one version of a policy
	KindVersions  Kind = "versions"  // a policy's version history
	KindChanges   Kind = "changes"   // the redline against the previous version
	KindCompare   Kind = "compare"   // the redline from an archived version to the one in force
	KindChangelog Kind = "changelog" // every version of every policy
	KindEmbed     Kind = "embed"     // a policy's current text without navigation, for other sites to embed
)

// Status is where a version stands on the build's "now". It is a string
// type, so templates compare it with eq and policies.json writes it as
// given.
type Status string

// The statuses of a version.
const (
	StatusCurrent  Status = "current"  // in force now
	StatusUpcoming Status = "upcoming" // takes effect later
	StatusArchived Status = "archived" // superseded by a later version in force
)

// History is where a policy's earlier versions come from: history in
// clause.yaml and the --history flag.
type History string

// The sources of earlier versions.
const (
	HistoryFiles History = "files" // versions/ folders next to the policy (the default)
	HistoryGit   History = "git"   // the commits that touched the policy's file
)

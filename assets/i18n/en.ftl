# Determinant Mapper: the interface in English. Every message here must also be in es.ftl (and in
# any other language's file) with the same variables: the tests check both.
# Plurals use Fluent's selectors: { $count -> [one] … *[other] … }.

## Counts

count-determinants = { $count ->
    [one] 1 determinant
   *[other] { $count } determinants
}
count-influences = { $count ->
    [one] 1 influence
   *[other] { $count } influences
}
count-stages = { $count ->
    [one] 1 stage
   *[other] { $count } stages
}
count-selected = { $count } selected

## Menus

menu-file = File
menu-edit = Edit
menu-view = View
menu-help = Help
menu-open-sample = Open sample
menu-open-recent = Open recent
menu-export = Export
menu-language = Language
menu-language-system = As the system ({ $language })

## Commands (menus, shortcuts list, toolbar hints)

command-new = New
command-open = Open…
command-save = Save
command-save-as = Save as…
command-import = Import…
command-merge = Merge…
command-quit = Quit
command-undo = Undo
command-redo = Redo
command-cut = Cut
command-copy = Copy
command-paste = Paste
command-paste-lines = Paste lines as determinants
command-duplicate = Duplicate
command-delete = Delete
command-select-all = Select all
command-find = Find
command-rename = Rename
command-flip-sign = Flip sign of influence
command-add-determinant = Add determinant
command-add-stage = Add stage
command-escape = Clear selection / cancel
command-zoom-to-fit = Zoom to fit
command-zoom-in = Zoom in
command-zoom-out = Zoom out
command-flow-layout = Flow layout
command-force-layout = Force layout
command-compare = Compare with…
command-toggle-analysis = Analysis panel
command-toggle-legend = Legend
command-toggle-drag-selects = Drag on the canvas selects
command-toggle-theme = Light / dark
command-toggle-presentation = Presentation mode
command-toggle-fullscreen = Full screen
command-show-shortcuts = Keyboard shortcuts
command-about = About

shortcut-either = { $first } or { $second }
key-shift = Shift
key-left = Left
key-right = Right
key-backspace = Backspace
key-delete = Delete
key-equals = Equals
key-escape = Escape
key-minus = Minus
key-page-down = PageDown
key-page-up = PageUp
key-plus = Plus

## Toolbar

toolbar-outline = Outline
toolbar-outline-show = Show the outline
toolbar-outline-hide = Hide the outline
toolbar-inspector = Inspector
toolbar-inspector-show = Show the inspector
toolbar-inspector-hide = Hide the inspector
toolbar-add-determinant = + Determinant
toolbar-add-determinant-hint = Or double-click empty canvas
toolbar-add-stage = + Stage
toolbar-add-stage-hint = A new stage of response
toolbar-flip-sign = ± Flip sign
toolbar-flip-sign-hint = Enables ↔ hinders for the selected influences
toolbar-analysis = Analysis
toolbar-analysis-hint = What feeds each stage, why, and what if
toolbar-fit = Fit
toolbar-fit-hint = Show the whole map
toolbar-pan = ✋ Pan
toolbar-pan-hint = Dragging empty canvas moves the view (Shift+drag selects)
toolbar-select = ⬚ Select
toolbar-select-hint = Dragging empty canvas selects by a box (Space+drag moves the view)
presentation-leave = Leave presentation (Esc)
presentation-hint = Click a stage for what feeds it, a determinant for what it feeds

## Status bar

status-not-saved-yet = not saved to a file yet
status-unsaved = ● unsaved changes
status-map-counts = { $determinants } · { $influences } · { $stages }

## Legend and overview

legend-hide = Hide the legend (Alt+L)
legend-category = Category (fill)
legend-influence = Influence
legend-enables = enables
legend-hinders = hinders
legend-strength = Thicker: stronger · fainter: less confident
legend-stage = stage of response
legend-nature = Shape (nature)
legend-structural = structural
legend-pressure-point = pressure point
legend-not-coded = not coded
legend-directness = Border (directness)
legend-direct = direct
legend-indirect = indirect
legend-internal = locus: internal
legend-external = locus: external
legend-hinders-overall = hinders overall
overview-hint = The whole map: click or drag to move the view

## Start screen

start-tagline = Map what drove or blocked a country's response to a policy problem.
start-new = New map
start-open = Open a file…
start-samples = Samples
start-samples-note = Maps built from published studies; each opens as an unsaved copy.
start-recent = Recent files
start-recent-empty = Maps you open or save appear here.
start-missing = { $place } (missing)
start-forget = Remove from the list

## Dialogs

problem-could-not-use = Could not use { $file }
problem-dismiss = Dismiss
problem-map-unchanged = The map you had open is unchanged.
confirm-title = Save changes?
confirm-before-new = “{ $name }” has unsaved changes. Save them before starting a new map?
confirm-before-open = “{ $name }” has unsaved changes. Save them before opening another map?
confirm-before-quit = “{ $name }” has unsaved changes. Save them before quitting?
confirm-before-import = “{ $name }” has unsaved changes. Save them before importing a spreadsheet?
confirm-save = Save
confirm-discard = Don't save
confirm-cancel = Cancel
conflict-changed-title = The file changed on disk
conflict-changed-body = “{ $name }” was changed by another program or window since it was opened or last saved here. Saving now would replace those changes.
conflict-comments-title = Saving removes the file's comments
conflict-comments-body = “{ $name }” holds comments written by hand (the first on line { $line }, column { $column }). Determinant Mapper writes the map in its own layout, which has no place for them: saving over the file removes them. Save as… keeps this file as it is.
conflict-save-as = Save as…
conflict-save-as-hint = Keep both: save this map to another file
conflict-reload = Reload from disk
conflict-reload-hint = Open the file as it is now; the unsaved changes here are lost
conflict-overwrite = Overwrite
conflict-overwrite-hint = Save this map over the file; the other changes are lost
conflict-save-anyway = Save anyway
conflict-save-anyway-hint = Save this map over the file; its comments are removed
conflict-cancel = Cancel

## Analysis panel

analysis-title = Analysis
analysis-analysing = Analysing…
analysis-tab-matrix = Matrix
analysis-tab-loops = Feedback loops ({ $count })
analysis-tab-pressure = Pressure points
analysis-tab-hints = Coding hints ({ $count })
analysis-close = Close the analysis panel (Alt+A)
analysis-clear-focus = Clear focus
analysis-clear-focus-hint = Show the whole map again (Esc)
analysis-bring-back = Bring back
analysis-bring-back-hint = Undo the knock-out (the map itself never changed)
analysis-what-feeds = What feeds { $number }. { $stage }
analysis-feeders-summary = { $count ->
    [one] 1 determinant
   *[other] { $count } determinants
}: { $direct } directly, { $indirect } through others · { $enable } enable, { $hinder } hinder, { $mixed } mixed
analysis-knocked-out = Knocked out: { $determinant }

## File chooser (the window's own, where the desktop has no file dialog)

chooser-no-system-dialog = This desktop cannot show a system file dialog (it needs an XDG desktop portal with a file chooser, or zenity), so Determinant Mapper uses its own.
chooser-system-dialog-failed = The system file dialog did not open, so Determinant Mapper uses its own file chooser from now on.
chooser-open = Open
chooser-save = Save
chooser-cancel = Cancel
chooser-file-name = File name:
chooser-replace = Replace
chooser-exists = already exists. Replace it?
chooser-empty-name = Type a file name.
chooser-all-files = All files
chooser-files-of = { $extensions } files
chooser-reload = Reload
chooser-working-folder = Go to the working folder
chooser-show-hidden = Show hidden files
chooser-show-system = Show system files
chooser-pinned = Pinned
chooser-places = Places
chooser-devices = Devices
chooser-removable = Removable devices
chooser-home = Home
chooser-desktop = Desktop
chooser-documents = Documents
chooser-downloads = Downloads
chooser-music = Music
chooser-pictures = Pictures
chooser-videos = Videos
chooser-pin = Pin
chooser-unpin = Unpin
chooser-rename = Rename
chooser-selected-folder = Selected folder:
chooser-selected-file = Selected file:
chooser-empty-folder-name = Type a folder name.
chooser-folder-exists = A folder of that name exists already.
chooser-file-exists = A file of that name exists already.

## Merge review and comparison (beside the canvas)

room-review = Merge review
room-compare = Comparison
room-close = Close
room-merged-from = Merged from { $file }
room-no-conflict = No conflict: every item the two maps share says the same in both.
room-review-summary = { $conflicts ->
    [one] 1 conflict
   *[other] { $conflicts } conflicts
} to review, { $added ->
    [one] 1 item
   *[other] { $added } items
} added. Click a value to keep it instead (Undo takes it back).
room-edited = Edited since the merge: none of these values is the one in the map.
room-compared-with = Compared with { $file }
room-same = The two maps say the same thing.
room-counts = { $added } added, { $removed } removed, { $changed ->
    [one] 1 change
   *[other] { $changed } changes
}
room-marked = Added and changed items are brought forward on the canvas; removed ones are drawn dashed where they stood.
room-added-here = Added in this map
room-removed-here = Not in this map (only in { $file })
room-changed = Changed
room-more = … and { $count } more

## Coded values, as the filters, the matrix and the explanations name them (src/app/ui/words.rs)

coded-any = any
coded-not-coded = not coded
coded-internal = internal
coded-external = external
coded-direct = direct
coded-indirect = indirect
coded-structural = structural
coded-pressure-point = pressure point
coded-enabler = enabler
coded-hinder = hinder
coded-no-category = no category
confidence-low = low
confidence-medium = medium
confidence-high = high
sign-enables = enables
sign-hinders = hinders
net-enables = enables
net-hinders = hinders
net-mixed = mixed
grouping-map-order = map order
grouping-category = category
grouping-locus = locus
grouping-directness = directness
grouping-nature = nature
grouping-effect = effect

## Analysis panel: filters and header

analysis-direct-only = Direct feeders only
analysis-direct-only-hint = Only influences straight into a stage, in the matrix and on the canvas
filter-show = Show
filter-locus = Locus
filter-directness = Directness
filter-nature = Nature
filter-effect = Effect
filter-category = Category
filter-tag = Tag
filter-show-all = Show all
filter-group-by = Group rows by
filter-min-confidence = Minimum confidence
filter-min-confidence-hint = Count only the influences at least this sure, in the matrix, the explanations, the knock-out and on the map. Low counts every link; medium leaves out those the study only implies; high keeps only those it states. An influence with no confidence given counts as high. The map does not change.
cell-direct = direct, { $net }
cell-steps = { $steps } steps, { $net }
cell-confidence = { $cell }, { $confidence } confidence

## Analysis panel: matrix

matrix-needs = The matrix needs at least one stage and one determinant.
matrix-no-rows = No determinant passes the filters.
matrix-shown = { $shown } of { $total } determinants · stage of response →
matrix-stage = Stage { $number }: { $stage }
matrix-click-stage = Click: what feeds it
matrix-click-determinant = Click: the stages it feeds
matrix-click-cell = Click: why
matrix-lost-without = lost without { $determinant }
matrix-total-feed = Feed it
matrix-total-hinder = Hinder it (−)
matrix-total-mixed = Mixed (±)
matrix-total-lost = Lost to the knock-out (×)
matrix-total = { $name }, stage { $number }: { $count }
matrix-total-tentative = Tentative (low confidence)
matrix-mark-low = low
matrix-mark-medium = med.
matrix-confidence-legend = low, med.: rests only on less sure links
matrix-confidence-legend-hint = A hatched cell marked “low” is tentative: every path behind it uses an influence of low confidence (a link the study implies rather than states). “med.” marks a feed whose surest path has medium confidence. Set the minimum confidence to leave them out.

## Analysis panel: explanations in words

path-loop-reinforcing = Reinforcing loop
path-loop-reinforcing-why = An even number of hinders: it amplifies itself.
path-loop-balancing = Balancing loop
path-loop-balancing-why = An odd number of hinders: it damps itself.
path-nothing-title = Why and what if
path-nothing-stage = Click a stage (on the map or at the top of a column) to see what feeds it.
path-nothing-determinant = Click a determinant to see the stages it feeds and the paths there.
path-nothing-cell = Click a cell of the matrix to see why: one explaining path, with its evidence.
path-without = Without { $determinant }:
path-no-loss = No stage loses enabling support.
path-loses-all = ⚠ { $stage } loses all enabling support.
path-no-longer-enabled = ⚠ { $stage } is no longer enabled by: { $determinants }.
path-stage-loses-all = ⚠ Without the knocked-out determinant it loses all enabling support.
path-stage-enablers-drop = { $count ->
    [one] ⚠ Without the knocked-out determinant 1 of its enablers drops out.
   *[other] ⚠ Without the knocked-out determinant { $count } of its enablers drop out.
}
path-directly = Directly ({ $count })
path-through-others = Through other determinants ({ $count })
path-lost = Lost to the knock-out
path-pressure-points = Pressure points
path-structural-intro = From the structure: every path into the stage from these feeders passes through
path-structural-none = none: every feeder has more than one way in.
path-structural-point = { $count ->
    [one] { $determinant }  (1 feeder depends on it)
   *[other] { $determinant }  ({ $count } feeders depend on it)
}
path-coded-intro = Coded by the researchers as pressure points, among its feeders
path-none = none
path-more = … and { $count } more (see the matrix)
path-why-hint = Why: the explaining path
path-feeder = { $code }  { $determinant } ({ $net })
path-feeder-sure = { $code }  { $determinant } ({ $net }; { $confidence } confidence)
path-cell-tentative = Tentative: every path rests on a link of low confidence (one the study implies rather than states).
path-cell-medium = Its surest path has medium confidence.
path-step-weak = Weak link: { $confidence } confidence
path-weakest = · weakest link: { $confidence } confidence
path-knock-out = Knock out: what if it were gone?
path-knock-out-hint = The map does not change: the analysis leaves this determinant out until you bring it back
path-feeds = Feeds
path-lost-feed = ×  { $stage } (lost to the knock-out)
path-no-stage = no stage
path-paths = Paths
path-hint = Hint: { $hint }
path-why-feeds = Why { $determinant } feeds { $stage }
path-cell-lost = As drawn; without the knocked-out determinant this feed is gone.
path-cell-none = It does not feed this stage.
path-enabling = { $count ->
    [one] An enabling path, 1 step
   *[other] An enabling path, { $count } steps
}
path-hindering = { $count ->
    [one] A hindering path, 1 step
   *[other] A hindering path, { $count } steps
}
path-step = { $number }. { $from } { $sign } { $to }
path-evidence = Evidence: { $source }: { $paraphrase }
path-evidence-at = Evidence: { $source }, { $location }: { $paraphrase }
path-no-evidence = No evidence recorded for this influence.

## Analysis panel: loops, pressure points, coding hints

loops-summary = { $count ->
    [one] 1 feedback loop
   *[other] { $count } feedback loops
}: { $reinforcing } reinforcing (↻, they amplify), { $balancing } balancing (⚖, they damp).
loops-truncated = The map has more; the first { $limit } are listed.
loops-none = No determinant influences itself through others: the map has no feedback loops.
loops-reinforcing = reinforcing
loops-balancing = balancing
pressure-intro = Structure: every path into the stage from some of its feeders passes through these. Coded: its feeders the study calls pressure points.
pressure-stage = Stage
pressure-structure = From the structure
pressure-coded = Coded by the study
pressure-none = none
pressure-more = and { $count } more
hints-intro = Where the coding and the structure disagree. The coding is the study's: these are questions, not errors.
hints-show-dismissed = Show { $count } dismissed
hints-none = No open hints.
hints-dismiss = Dismiss
hints-show = Show
hints-show-hint = Bring it forward on the map
hint-coded-direct = “{ $determinant }” is coded direct, but reaches every stage it feeds only through other determinants (nearest: { $steps } steps).
hint-feeds-no-stage = “{ $determinant }” feeds no stage, directly or through others.

## Outline

outline-search = Find a determinant or stage
outline-stages = Stages of response
outline-determinants = Determinants by category
outline-fold = Fold this category
outline-unfold = Unfold this category

## Inspector

inspector-selected = { $count ->
    [one] 1 item selected
   *[other] { $count } items selected
}
inspector-flip-signs = Flip signs of the selected influences
inspector-coding-of = { $count ->
    [one] Coding of the selected determinant
   *[other] Coding of the { $count } selected determinants
}
inspector-coding-applies = A choice here applies to all of them; one undo takes it back. "{ $mixed }": they differ.
inspector-mixed = mixed
inspector-mixed-hint = The selected determinants differ here; a choice sets it on all of them.
inspector-id = id { $id }
inspector-map = Map
inspector-map-intro = Nothing is selected: these are the map's own details.
inspector-determinant = Determinant
inspector-stage = Stage of response
inspector-influence = Influence
inspector-title = Title
inspector-label = Label
inspector-description = Description
inspector-notes = Notes
inspector-note = Note
inspector-stage-position = Stage { $number } of { $count }
inspector-move-up = Move up
inspector-move-down = Move down
inspector-delete-determinant = Delete determinant
inspector-delete-stage = Delete stage
inspector-delete-influence = Delete influence
inspector-enables-arrow = enables →
inspector-hinders-arrow = hinders ⇥
inspector-sign = Sign
inspector-strength = Strength
inspector-strength-unknown = strength unknown
inspector-confidence = Confidence
inspector-confidence-unknown = confidence unknown
inspector-locus = Locus
inspector-locus-unknown = locus unknown
inspector-directness = Directness
inspector-directness-unknown = directness unknown
inspector-nature = Nature
inspector-nature-unknown = nature unknown
inspector-effect = Effect
inspector-new-influences-start = { $count ->
    [one] New influences from it start as { $sign }.
   *[other] New influences from them start as { $sign }.
}
inspector-share = ({ $count } of { $total })
inspector-categories = Categories
inspector-remove-category = Remove this category
inspector-add-a-category = Add a category
inspector-new-category = New category
inspector-add = Add
inspector-tags = Tags
inspector-no-tags = none
inspector-remove-tag = Remove this tag
inspector-add-a-tag = Add a tag
inspector-new-tag = New tag
inspector-add-tag = Add tag
inspector-evidence = Evidence
inspector-remove-evidence = Remove this evidence
inspector-section-or-page = Section or page
inspector-paraphrase = Paraphrase
inspector-add-evidence = Add evidence
inspector-evidence-needs-source = Evidence cites one of the map's sources; add a source in the map's details (click empty canvas).
inspector-quick-evidence = Quick evidence
inspector-quick-source-hint = The source the evidence cites
inspector-page = Page
inspector-what-it-says = What it says; Enter adds
inspector-add-evidence-hint = Add this evidence to the influence
inspector-influences = Influences ({ $count })
inspector-influenced-by = Influenced by ({ $count })
inspector-sources = Sources ({ $count })
inspector-source-title = Source title
inspector-citation = Citation
inspector-cited-by = { $count ->
    [one] Cited by 1 evidence entry
   *[other] Cited by { $count } evidence entries
}
inspector-remove-source = Remove source
inspector-new-source = Title of a new source
inspector-add-source = Add source
inspector-stages = Stages of response ({ $count })
inspector-no-stages = No stages yet: press Alt+S or use + Stage on the canvas.
inspector-map-categories = Categories ({ $count })
inspector-remove-unused-category = Remove this unused category
inspector-map-tags = Tags ({ $count })
inspector-tags-intro = Lenses such as the 4 Ps; add tags to determinants in their inspector.
inspector-remove-tag-everywhere = Remove this tag from the map and every determinant

## Undo and redo: what a step did (src/app/edit.rs, Edit::describe)

menu-undo-what = Undo { $what }
menu-redo-what = Redo { $what }
status-undone = Undone: { $what }.
status-redone = Redone: { $what }.
edit-add-determinant = add determinant
edit-add-stage = add stage
edit-add-influence = add influence
edit-add-influences = { $count ->
    [one] add 1 influence
   *[other] add { $count } influences
}
edit-add-items = { $count ->
    [one] add 1 item
   *[other] add { $count } items
}
edit-rename-determinant = rename determinant
edit-notes = edit notes
edit-evidence = edit evidence
edit-determinant = edit determinant
edit-determinants = { $count ->
    [one] edit 1 determinant
   *[other] edit { $count } determinants
}
edit-rename-stage = rename stage
edit-stage = edit stage
edit-flip-sign = flip sign
edit-flip-signs = { $count ->
    [one] flip 1 sign
   *[other] flip { $count } signs
}
edit-influence = edit influence
edit-influences = { $count ->
    [one] edit 1 influence
   *[other] edit { $count } influences
}
edit-move = { $kind ->
    [stage] move stage
    [determinant] move determinant
    [influence] move influence
   *[other] move item
}
edit-move-items = { $count ->
    [one] move 1 item
   *[other] move { $count } items
}
edit-delete = { $kind ->
    [stage] delete stage
    [determinant] delete determinant
    [influence] delete influence
   *[other] delete item
}
edit-delete-items = { $count ->
    [one] delete 1 item
   *[other] delete { $count } items
}
edit-title = edit title
edit-description = edit description
edit-sources = edit sources
edit-rename-category = rename category
edit-category = edit category
edit-add-category = add category
edit-remove-category = remove category
edit-add-tag = add tag
edit-remove-tag = remove tag
edit-reorder-stages = reorder stages
edit-changes = { $count ->
    [one] 1 change
   *[other] { $count } changes
}
edit-merge = merge
edit-add-step = add step
edit-delete-step = delete step
edit-rename-step = rename step
edit-step = edit step
edit-step-note = edit step note
edit-move-step = move step
edit-presentation = edit presentation
edit-code-determinant = code determinant
edit-code-determinants = { $count ->
    [one] code 1 determinant
   *[other] code { $count } determinants
}

## Export menu (src/export: Export::menu_label; the dialog's title drops the "…")

export-determinants-csv = Determinants as CSV…
export-influences-csv = Influences as CSV…
export-feeders-markdown = Table of what feeds each stage (Markdown)…
export-feeders-csv = Table of what feeds each stage (CSV)…
export-feeders-json = What feeds each stage (JSON)…
export-feeders-text = What feeds each stage (text)…
export-matrix-csv = Matrix as CSV…
export-handout = Hand-out report (Markdown)…
export-svg = Map as SVG…
export-png = Map as PNG…
export-xlsx = Workbook (elements, connections, matrix)…
export-slides = Slides of the presentation (PDF)…

## The SVG, PNG and PDF pictures (src/export/svg): also the legend-… messages above

svg-legend-title = Legend
svg-legend-strength = thicker: stronger · fainter: less sure
svg-legend-nature = Nature (shape)
svg-legend-directness = Directness (border)
svg-legend-badges = Badges
svg-legend-categories = Category (fill, and one chip per category)
svg-counts = { $stages ->
    [one] 1 stage of response
   *[other] { $stages } stages of response
} · { $determinants ->
    [one] 1 determinant
   *[other] { $determinants } determinants
} · { $influences ->
    [one] 1 influence
   *[other] { $influences } influences
}
svg-empty-map = This map has no stages and no determinants yet.
svg-step-shows-nothing = Nothing of this map is shown in this step.

## The command line (src/cli.rs, src/main.rs): in the language of LC_ALL, LC_MESSAGES or LANG.
## Flags, file keywords, CSV headings and JSON keys stay as they are: they are typed, not read.

cli-no-positions = { $file }: no saved positions, drawing it with the flow layout
cli-no-such-stage = { $file }: no stage has the id or label `{ $name }`; the stages are: { $stages }
cli-nothing-to-export = nothing to export: give one or more of --determinants OUT.csv, --influences OUT.csv, --matrix OUT.csv, --report OUT.md, --svg OUT.svg, --png OUT.png, --slides OUT.pdf, --xlsx OUT.xlsx
cli-influences-required = --influences is required for --shape random
cli-influences-chain = --influences does not apply to --shape chain: a chain of N determinants has N - 1 influences and one into each stage
cli-generated-invalid = this map would not load, so it is not written: { $problem }
cli-all-valid = { $count ->
    [one] 1 file checked: it is a valid map
   *[other] { $count } files checked: all are valid maps
}
cli-cannot-read = { $file }: cannot read the file: { $error }
cli-not-formatted = { $file }: not in the saved layout (run `detmap fmt` on it)
cli-not-formatted-comments = { $file }: not in the saved layout (it has comments, which the saved layout does not keep) (run `detmap fmt` on it)
cli-has-comments = { $at }: not rewritten: the file has comments, and the saved layout has no place for them; keep it as it is, or run `detmap fmt --drop-comments` to rewrite it without them
cli-read-only = { $file }: not rewritten: the file is read-only (make it writable to format it)
cli-rewritten = { $file }: rewritten
cli-stdout-failed = could not write to standard output
cli-could-not-save = could not save { $file }
cli-note = note: { $notice }
cli-imported = { $file }: { $stages ->
    [one] 1 stage
   *[other] { $stages } stages
}, { $determinants ->
    [one] 1 determinant
   *[other] { $determinants } determinants
}, { $influences ->
    [one] 1 influence
   *[other] { $influences } influences
}
cli-nothing-imported = nothing imported; { $file } was not written
cli-merge-invalid = the merged map would not be valid (a bug; nothing written):
    { $problems }
cli-output-is-input = { $flag } { $file } is the map being exported ({ $map }): writing it would replace the map; choose another file
cli-outputs-same-file = { $first_flag } { $first_file } and { $flag } { $file } are the same file: one would replace the other; give each its own file
cli-window-failed = could not open the window: { $error }
cli-no-window = this build has no window (built without the `gui` feature); use a subcommand, see --help

## Problems of a map (src/model/validate.rs): the loader shows them at their line and column, the
## editor when it refuses an edit. Ids, categories and tags are quoted as the file has them.

problem-duplicate-node-id = { $kind ->
    [stage] duplicate id `{ $id }`: a stage already has it
   *[other] duplicate id `{ $id }`: a determinant already has it
}
problem-stage-without-id = a stage needs a non-empty id
problem-determinant-without-id = a determinant needs a non-empty id
problem-duplicate-source = duplicate source id `{ $id }`
problem-duplicate-category = category `{ $category }` is listed twice
problem-unknown-source = evidence cites source `{ $source }`, which is not in the map's sources
problem-no-category = determinant `{ $determinant }` has no category
problem-unknown-category = category `{ $category }` of determinant `{ $determinant }` is not in the map's categories
problem-unknown-tag = tag `{ $tag }` of determinant `{ $determinant }` is not in the map's tags
problem-duplicate-influence-id = duplicate id `{ $id }`
problem-influence-from-nothing = influence `{ $id }` comes from `{ $from }`, which is no determinant of this map
problem-influence-from-stage = influence `{ $id }` comes out of stage `{ $from }`: stages have no outgoing influences
problem-influence-to-nothing = influence `{ $id }` goes to `{ $to }`, which is no determinant or stage of this map
problem-step-without-id = a step needs a non-empty id
problem-duplicate-step-id = duplicate step id `{ $id }`: another step already has it
problem-empty-loop = step `{ $step }` shows a feedback loop with no determinants
problem-step-names-other-kind = { $wanted ->
    [stage] { $kind ->
        [stage] step `{ $step }` names `{ $id }` as a stage, but it is a stage
       *[other] step `{ $step }` names `{ $id }` as a stage, but it is a determinant
    }
   *[other] { $kind ->
        [stage] step `{ $step }` names `{ $id }` as a determinant, but it is a stage
       *[other] step `{ $step }` names `{ $id }` as a determinant, but it is a determinant
    }
}
problem-step-names-nothing = { $wanted ->
    [stage] step `{ $step }` names `{ $id }`, which is no stage of this map
   *[other] step `{ $step }` names `{ $id }`, which is no determinant of this map
}
problem-step-unknown-category = step `{ $step }` filters by category `{ $category }`, which is not in the map's categories
problem-step-unknown-tag = step `{ $step }` filters by tag `{ $tag }`, which is not in the map's tags
problem-too-many-steps = more than { $limit } steps: a presentation has at most { $limit } steps
problem-too-many-stages = more than { $limit } stages: a map has at most { $limit } stages of response (a study has a handful)
problem-control-character = { $name ->
    [nul] this text holds a control character ({ $code }, NUL) at character { $at }: a text may hold tabs and line breaks, but no other control characters
    [cr] this text holds a control character ({ $code }, a carriage return not followed by a line feed) at character { $at }: a text may hold tabs and line breaks, but no other control characters
    [esc] this text holds a control character ({ $code }, ESC) at character { $at }: a text may hold tabs and line breaks, but no other control characters
    [del] this text holds a control character ({ $code }, DEL) at character { $at }: a text may hold tabs and line breaks, but no other control characters
   *[other] this text holds a control character ({ $code }) at character { $at }: a text may hold tabs and line breaks, but no other control characters
}
problem-position-beyond = the position ({ $x }, { $y }) is beyond the canvas: a coordinate is at most { $limit } from the origin

## Loading a map file (src/format): what is wrong, at its line and column

load-cannot-read = cannot read the file: { $error }
load-is-folder = is a folder, not a map file
load-not-regular = is not a regular file (a device, a pipe or a socket), so it is not a map file
load-not-utf8 = the file is not UTF-8 text: it is not a map file, or its encoding is damaged
load-empty = the file is empty: expected a map `( format_version: { $version }, … )`
load-more-problems = { $count ->
    [one] … and 1 more problem, not listed: fix the ones above first
   *[other] … and { $count } more problems, not listed: fix the ones above first
}
load-zero-bytes = { $count ->
    [one] the file looks damaged: it holds a zero byte (NUL) here, as a power cut or a crash while it was being written can leave; open a backup or a recovery copy instead (a map file never holds zero bytes)
   *[other] the file looks damaged: it holds { $shown } zero bytes (NUL) in a row here, as a power cut or a crash while it was being written can leave; open a backup or a recovery copy instead (a map file never holds zero bytes)
}
load-layout-unknown = the layout places `{ $id }`, which is not a stage or determinant of this map
load-layout-twice = `{ $id }` is placed twice in the layout
load-newer-version = this map was written in file format { $found } by a newer Determinant Mapper; this version reads format { $reads }: update the application to open it
load-unknown-version = unknown file format version { $found }: this version reads format { $reads }
load-missing-version = missing `format_version`: a map file starts with `( format_version: { $version }, …`
load-eof = the file ends too early: a bracket or quote is not closed
load-missing-field-in = { $what } is missing the field `{ $field }`
load-missing-field = missing the field `{ $field }`
load-position-moved = `position` is not a field of { $what } since file format 2: positions are listed in `layout` at the end of the file, e.g. `layout: [(id: "d1", x: 120.0, y: 40.0)]`
load-unknown-field-in = unknown field `{ $field }` in { $what }: expected one of { $expected }
load-unknown-field = unknown field `{ $field }`: expected one of { $expected }
load-unknown-value = `{ $value }` is not an allowed value here: expected one of { $expected }
load-duplicate-field = the field `{ $field }` is given twice
load-expected-text = expected text in double quotes here, e.g. "Civil society"
load-text-not-closed = a text in double quotes is not closed
load-expected-number = expected a number here
load-expected-list = expected a list `[ … ]` here
load-expected-list-end = expected `,` or the `]` that closes this list
load-expected-comma = expected a `,` between items
load-expected-item-end = expected `,` or the `)` that closes this item
load-expected-map = expected `(` to start a map: a map file starts with `( format_version: { $version }, …`
load-expected-item = expected `(` to start { $what }
load-trailing = unexpected text after the end of the map
load-comment-not-closed = a `/*` comment is not closed
load-too-deep = values are nested more than { $limit } levels deep: this is not a map file
load-type = { $name ->
    [Map] the map
    [Influence] an influence
    [Evidence] an evidence
    [Focus] a step's focus
    [Determinant] a determinant
    [Stage] a stage
    [Source] a source
    [Category] a category
    [Step] a step
    [Filters] a filters
    [Placement] a placement
    [Position] a position
   *[other] a { $lower }
}
save-too-large = the map would be a file of { $size } bytes; a map file is limited to { $limit } bytes (256 MiB)
save-problem-and-more = { $count ->
    [one] { $path }: { $problem } (and 1 more problem)
   *[other] { $path }: { $problem } (and { $count } more problems)
}

## Importing a spreadsheet (src/import): each problem at its file, sheet, row and column

import-id-taken = the id `{ $id }` is already used by another element or connection
import-source-without-id = a source needs an ID
import-source-twice = the source `{ $source }` is listed twice
import-not-a-colour = `{ $value }` is not a colour: expected #rrggbb, e.g. #4e79a7
import-category-twice = the category `{ $category }` is listed twice
import-no-label = the element has no label
import-stage-has-no = a stage of response has no { $heading }: clear the cell, or make the row a determinant (Type)
import-id-too-long = the id is { $bytes } bytes long; ids are limited to { $limit }
import-id-used-by = the id `{ $id }` is already used by "{ $label }"
import-id-used-by-at = the id `{ $id }` is already used by "{ $label }" (row { $row })
import-label-ambiguous = { $count } elements are labelled "{ $name }" (rows { $rows }): name it by its ID
import-connection-names-nothing = the connection names no element here
import-no-such-label = no element is labelled "{ $name }"
import-from-stage = "{ $stage }" is a stage of response: influences go out of determinants only
import-uncategorised = { $count ->
    [one] 1 determinant names no category (no Category column, or an empty cell): put in the category "{ $category }"
   *[other] { $count } determinants name no category (no Category column, or an empty cell): put in the category "{ $category }"
}
import-unplaced = { $count ->
    [one] 1 element has no X and Y (of { $total }): the whole map is laid out with the flow layout
   *[other] { $count } elements have no X and Y (of { $total }): the whole map is laid out with the flow layout
}
import-columns-same = two columns mean the same: `{ $heading }` here and `{ $other }` in column { $column }; keep one
import-columns-unknown = columns not understood, kept in the notes as `column: value`: { $columns }
import-no-label-column = no Label column: an elements sheet needs a column headed Label
import-no-from-to-column = no { $column } column: a connections sheet needs columns headed From and To
import-xls = an .xls file (Excel 97-2003): save it as .xlsx and import that
import-not-a-spreadsheet = not a spreadsheet detmap imports: give an .xlsx or .ods workbook, or .csv files
import-not-regular = is not a regular file
import-too-large = the file is { $size } MB; maps are limited to { $limit } MB
import-nothing = nothing to import: give a workbook or CSV files
import-empty-file = the file is empty
import-no-elements = no elements or connections to import
import-neither-table = neither an elements table (a Label column) nor a connections table (From and To columns)
import-sheet-skipped = the sheet `{ $sheet }` is not imported: it is neither the elements nor the connections sheet
import-cell-too-long = the cell holds { $size } KB of text; a map's texts are limited to { $limit } KB
import-too-many-rows = the sheet has more than { $limit } rows; a map's lists are limited to { $limit } items
import-value-without-heading = a value in column { $column }, which has no heading: give the column a heading (row { $row }) or clear it
import-csv-not-utf8 = the file is not UTF-8 text: save it as "CSV UTF-8" and import it again
import-cannot-read-csv = cannot read the CSV: { $error }
import-cell-error = the cell holds the spreadsheet error { $error }
import-cannot-read-workbook = cannot read the workbook: { $error }
import-evidence-no-source = evidence on line { $line } of the cell names no source: write `source | location | paraphrase`
import-bad-value = { $axis ->
    [locus] `{ $value }` is not a locus: expected { $allowed }
    [directness] `{ $value }` is not a directness: expected { $allowed }
    [nature] `{ $value }` is not a nature: expected { $allowed }
    [effect] `{ $value }` is not an effect: expected { $allowed }
    [sign] `{ $value }` is not a sign: expected { $allowed }
    [strength] `{ $value }` is not a strength: expected { $allowed }
    [confidence] `{ $value }` is not a confidence: expected { $allowed }
   *[other] `{ $value }` is not a { $axis }: expected { $allowed }
}

## The hand-out report (src/export/handout.rs, Markdown: keep its ** and * marks)

handout-intro = This report was written by Determinant Mapper from the map: { $stages ->
    [one] 1 stage of response
   *[other] { $stages } stages of response
}, { $determinants ->
    [one] 1 determinant
   *[other] { $determinants } determinants
}, { $influences ->
    [one] 1 influence
   *[other] { $influences } influences
}.
handout-how-to-read = How to read it
handout-read-direct = A determinant feeds a stage **directly** when an influence goes straight from it into the stage, and **indirectly** when it reaches the stage only through other determinants. The **distance** is the number of influences on the shortest path.
handout-read-signs = Signs multiply along a path: a determinant that hinders something that hinders a stage enables it. The **net effect** is *enables* or *hinders*, or *mixed* when paths of both signs reach the stage.
handout-read-coding = The **coding** (locus, directness, nature, effect) is the researchers'; the groups *direct* and *indirect* below are the map's structure. Where the two disagree, the report gives a hint at the end.
handout-read-confidence = Influences carry the study's **confidence**: *high* where it states the link (or no confidence is given), *medium*, or *low* where it only implies it. A path is as sure as its weakest link and a feed as its surest path; a feed that rests only on links of low confidence is marked **tentative**.
handout-strongest-low = Strongest confidence: low, so **tentative**: every path from it rests on a link the study only implies.
handout-strongest-medium = Strongest confidence: medium.
handout-read-evidence = Each step of a path is backed by the evidence recorded for that influence, cited by source (listed at the end).
handout-presentation = Presentation
handout-told-in = { $count ->
    [one] The map is told in 1 step; the slides (`detmap export --slides`) have a page for each.
   *[other] The map is told in { $count } steps; the slides (`detmap export --slides`) have a page for each.
}
handout-step = Step { $number }: { $title }
handout-stage = Stage { $number }: { $stage }
handout-stages-it-shows = Stages it shows: { $stages }.
handout-step-link = step { $number } ({ $title })
handout-shown-in = Shown in the presentation: { $steps }.
handout-no-feeders = No determinant feeds this stage.
handout-fed-directly = Fed directly ({ $count })
handout-fed-indirectly = Fed indirectly ({ $count })
handout-feeder = Net effect **{ $net }**, distance { $distance }. Coded { $coding }. Category: { $categories }.
handout-not-coded = { $axis ->
    [locus] locus not coded
    [directness] directness not coded
   *[nature] nature not coded
}
handout-pressure-points = Pressure points
handout-structural-none = Structural: none; no determinant lies on every path of another into this stage.
handout-structural = Structural: **{ $determinant }**; every path into this stage from { $feeders } passes through it.
handout-structural-also-coded = Structural: **{ $determinant }** (also coded a pressure point); every path into this stage from { $feeders } passes through it.
handout-structural-more = Structural: { $count } more, each with no more dependents than the last above (only the first { $limit } are listed).
handout-coded-none = Coded by the researchers: none of this stage's feeders.
handout-coded = Coded by the researchers: { $determinants }.
handout-and = { $first } and { $last }
handout-and-others = { $count ->
    [one] { $first } and 1 other feeder
   *[other] { $first } and { $count } other feeders
}
handout-overview = Overview
handout-no-stages = The map has no stages of response.
handout-overview-header = | # | Stage | Feeders | Direct | Indirect | Enabling | Hindering | Mixed |
handout-more-steps = { $count ->
    [one] 1 more step
   *[other] { $count } more steps
}
handout-path = Path: { $path }
handout-path-that = Path that { $sign }: { $path }
handout-path-long = The path has { $count } steps; only the first and last { $ends } are shown.
handout-left-out = { $count ->
    [one] … 1 step left out …
   *[other] … { $count } steps left out …
}
handout-evidence-above = Evidence: as given above for this step.
handout-strength = strength { $level }
handout-confidence = confidence { $level }
handout-rated = Rated: { $ratings }.
handout-note = Note: { $note }
handout-no-evidence = Evidence: none recorded.
handout-evidence = Evidence ({ $source }): { $paraphrase }
handout-evidence-at = Evidence ({ $source }, *{ $location }*): { $paraphrase }
handout-loops = Feedback loops
handout-no-loops = The map has no feedback loops.
handout-loops-intro = A loop is *reinforcing* when it has an even number of hindering influences (it amplifies itself) and *balancing* when odd (it damps itself).
handout-loops-truncated = Only the first { $limit } loops are listed; the map has more.
handout-hints = Where the coding and the structure disagree
handout-no-hints = Nothing: every determinant coded direct has an influence straight into a stage, and every determinant feeds at least one stage.
handout-hints-intro = These are hints, not errors: the coding is the study's, and the map may lack an influence the study implies.
handout-sources = Sources

## Saving and exporting in the window: the status bar, the banner, the file dialogs' titles

dialog-open-map = Open a map
dialog-save-map-as = Save the map as
status-sample-unreadable = The sample { $name } could not be read.
status-not-saved-changed = Not saved: { $file } changed on disk since it was opened or saved here.
status-not-saved-comments = Not saved yet: { $file } has comments written by hand, which saving would remove.
status-not-saved = Not saved.
status-saved-to = Saved { $file }
status-not-saved-because = Not saved: { $cause }
status-exported = Exported { $file }
status-not-exported-because = Not exported: { $cause }
status-not-done = Not done: { $why }
problem-save-advice = Your changes are still here, unsaved: try Save as… to keep them elsewhere.
problem-could-not-export = Could not export { $file }: { $cause }
problem-nothing-written-kept = Nothing was written: the file on disk is as it was.
problem-nothing-written = Nothing was written.
window-title-unsaved = ● { $name } (unsaved changes) — Determinant Mapper

## Recovery offer

recovery-title = Restore unsaved changes?
recovery-broken-title = A recovery copy cannot be opened
recovery-broken-intro = Determinant Mapper kept a copy of a map with unsaved changes, but the copy does not open as a map:
recovery-after-crash = Determinant Mapper stopped because of an error while this map had unsaved changes. It kept a copy as it stopped.
recovery-after-stop = Determinant Mapper closed without saving this map (it was stopped, or the computer was). A copy was kept a few seconds after the last change.
recovery-original-changed = The file has changed since this map was last opened or saved in Determinant Mapper (another program, another window or a colleague saved it). Restoring and then saving would replace those changes: consider Save as… after restoring.
recovery-restore-explained = Restore opens the copy with its changes unsaved; Save then writes it to the file above. Discard deletes the copy.
recovery-broken-explained = The copy is a text file: it can be repaired in a text editor (it is then offered again at the next start) or opened there to take what is needed. Discard deletes it.
recovery-more = { $count ->
    [one] 1 more recovery copy waits: each is offered in turn, after a Discard here or at the next start.
   *[other] { $count } more recovery copies wait: each is offered in turn, after a Discard here or at the next start.
}
recovery-restore = Restore
recovery-discard = Discard
recovery-later = Decide later
recovery-keep = Keep it
recovery-later-hint = Keep the copy and ask again at the next start
recovery-map = Map
recovery-map-counts = { $determinants }, { $influences }, { $stages }
recovery-problem = Problem
recovery-more-lines = and { $count } more lines
recovery-belongs-to = Belongs to
recovery-no-file = no file: it had not been saved yet
recovery-saved = Saved
recovery-unknown = unknown
recovery-copy = Copy

## Help and About

about-title = About Determinant Mapper
about-version = Determinant Mapper { $version }
about-what = Draw and analyse determinant maps: what drove or blocked a country's response to a policy problem, how those factors influence each other, and which stage of the response each feeds.
about-font = Interface font: Inter (SIL Open Font License).
gesture-new-determinant = New determinant
gesture-new-determinant-how = Double-click empty canvas
gesture-rename = Rename in place
gesture-rename-how = Double-click a determinant or stage
gesture-rename-typing = Rename by typing
gesture-rename-typing-how = Select one determinant or stage and type; letters alone never run a command
gesture-new-influence = New influence
gesture-new-influence-how = Drag from the dot on a determinant's right edge, or Ctrl+drag from it
gesture-select = Select
gesture-select-how = Click; Shift+click adds or removes
gesture-select-box = Select with a box
gesture-select-box-how = Shift+drag (adds) or Ctrl+drag on empty canvas
gesture-move = Move
gesture-move-how = Drag a node; a selected node moves the whole selection
gesture-pan = Pan
gesture-pan-how = Drag empty canvas, or drag with the middle button
gesture-zoom = Zoom
gesture-zoom-how = Mouse wheel or pinch
gesture-open = Open a file
gesture-open-how = Drop a .ron file on the window
drop-hint = Drop a .ron map file to open it
recovery-date-format = %A %-d %B %Y at %H:%M
recovery-when = { $date } ({ $ago })
recovery-ago-seconds = less than a minute ago
recovery-ago-minutes = { $count ->
    [one] 1 minute ago
   *[other] { $count } minutes ago
}
recovery-ago-hours = { $count ->
    [one] 1 hour ago
   *[other] { $count } hours ago
}
recovery-ago-days = { $count ->
    [one] 1 day ago
   *[other] { $count } days ago
}

## Presentation steps

command-next-step = Next step
command-previous-step = Previous step
presentation-step = Step { $number } of { $count }

## Canvas: a knocked-out determinant's effect on a stage

canvas-loses-enablers = { $count ->
    [one] loses 1 enabler
   *[other] loses { $count } enablers
}
canvas-loses-all-enabling = loses all enabling support

## The steps panel: building the presentation

command-toggle-steps = Presentation steps
steps-heading = Presentation steps
steps-intro = The story you tell the room, one step at a time. Set up the view (click a stage or a determinant with the analysis open, filter, knock out), then add it as a step.
steps-add = Add step from view
steps-add-hint = A new step showing what the map shows now: the analysis focus, knock-out and filters
steps-none = No steps yet.
steps-title = Title
steps-title-hint = Enter keeps the title
steps-up = Move up
steps-down = Move down
steps-delete = Delete step
steps-play = Play from this step
steps-play-hint = Presentation mode from this step (→ and ← move through the steps, Esc leaves)
steps-note = Note for the room
steps-reveal = Reveal the map step by step
steps-reveal-hint = Only what this step and the steps before it show is drawn; the rest appears as the story goes on
step-title-whole-map = The whole map
step-title-without = Without { $determinant }
step-title-stage = What feeds { $stage }
step-title-stage-direct = What feeds { $stage } directly
step-title-stage-hindering = What holds back { $stage }
step-title-determinant = What { $determinant } feeds
step-title-path = Why { $determinant } feeds { $stage }
step-title-loop = A feedback loop through { $determinant }
step-shows-without = without { $determinant }
step-shows-filters = { $count ->
    [one] 1 filter
   *[other] { $count } filters
}
step-shows-reveal = reveals the map step by step

canvas-knocked-out = knocked out
## Canvas: what a comparison found removed, drawn dashed where the other map had it
canvas-removed = removed

## Status lines of recovery, pasting, the file dialogs, import, merge and comparison

status-autosave-off = Autosave is off: { $why }
status-recovery-not-removed = Could not remove the recovery copy: { $error }
status-restored-to = Restored. Save writes it to { $file }
status-restored-no-file = Restored. It has no file yet: Save asks where to keep it
status-restored-copy-stays = Restored, but the copy stays at { $file } ({ $error }); this window keeps its own
status-not-deleted = Could not delete { $file }: { $error }
status-paste-broken-map = The clipboard holds a map file that does not load, so nothing was pasted.
status-dialog-already-open = A file dialog is already open.
dialog-import-spreadsheet = Import a spreadsheet
dialog-merge-map = Merge a map into this one
dialog-compare-map = Compare this map with
status-imported = Imported { $file }: { $determinants }, { $influences }, { $stages }.
status-more-notes = { $count ->
    [one] (and 1 more note)
   *[other] (and { $count } more notes)
}
status-not-merged = Not merged.
status-not-merged-because = Not merged: { $problem }
status-merged = Merged { $file }: { $added ->
    [one] 1 item
   *[other] { $added } items
} added, { $conflicts ->
    [0] no conflict
    [one] 1 conflict to review
   *[other] { $conflicts } conflicts to review
}.
status-item-gone = Not done: { $item } is no longer in the map.
status-compared-same = This map says the same as { $file }.
status-compared-differences = { $count ->
    [one] 1 difference
   *[other] { $count } differences
} from { $file }.

## The reachability report (detmap analyze, text and Markdown; CSV and JSON are machine formats)

report-stage-feeders = { $stage } ({ $id }): { $count ->
    [one] 1 determinant feeds
   *[other] { $count } determinants feed
} it ({ $enable } enable, { $hinder } hinder, { $mixed } mixed)
report-via = via { $path }
report-confidence = { $level } confidence
report-feeding-no-stage = Feeding no stage
report-feeding-no-stage-list = Feeding no stage: { $list }
report-table-head = | distance | net effect | determinant | path | strongest confidence |

## What a presentation step shows, under its title on a slide and in the hand-out

caption-whole-map = The whole map
caption-stage = What feeds { $stage }
caption-stage-direct = What feeds { $stage } (direct feeders only)
caption-stage-hindering = What feeds { $stage } (what hinders it)
caption-determinant = What { $determinant } feeds
caption-path = Why { $determinant } feeds { $stage }
caption-loop = A feedback loop: { $names }
caption-without = without { $determinant } (knocked out)
caption-only = only { $filters }

## What a new node, category or map is called when the user makes it: made in the language of the
## moment, it is map content from then on (src/app/apply)

new-determinant-label = New determinant
new-stage-label = New stage
new-category-name = Uncategorised
new-map-title = Untitled map

## A presentation step's filters, inside its caption after "only" (src/export/words.rs): the
## determinants they keep. "locus not coded" and so on are handout-not-coded.

caption-filter-internal = internal
caption-filter-external = external
caption-filter-direct = direct
caption-filter-indirect = indirect
caption-filter-structural = structural
caption-filter-pressure-point = pressure point
caption-filter-enablers = enablers
caption-filter-hinders = hindering determinants
caption-filter-category = category { $category }
caption-filter-tag = tag { $tag }

## The SVG's tooltips (a browser shows them over an influence); a determinant's tooltip is its
## label, its coding (coded-…) and its categories

svg-tooltip-enables = { $from } enables { $to }
svg-tooltip-hinders = { $from } hinders { $to }

## Numbers, and the reachability report's long paths (src/export/report.rs)

# Between groups of three digits: 1,234,567.
number-thousands-separator = ,
# The middle of a long path, left out; $shown is $count with its digits grouped.
report-omitted = … { $shown } more …

## The loader's limits (src/format/limits.rs); a list of the file is named by its keyword
## ($field: determinants, influences, layout…)

load-id-too-long = this id is { $size } bytes long; an id is a short key and is limited to { $limit } bytes
load-text-too-long = this text is { $size } bytes long; a text in a map is limited to { $limit } bytes (64 KiB)
load-list-too-long-field = more than { $max } { $field ->
    [layout] positions in the layout
   *[other] { $field }
}: a map holds at most { $max } items in one list
load-list-too-long = this list has more than { $max } items, the most one list may hold
load-too-many-items = the map has more than { $max } list entries in all (determinants, influences, their categories, tags and evidence…), the most a map may hold
load-not-a-coordinate = `{ $value }` is not a usable coordinate: expected a finite number, e.g. 120.0
load-beyond-canvas = `{ $value }` is beyond the canvas: a coordinate is at most { $max } from the origin, e.g. 120.0
load-file-too-large = the file is { $size } bytes; a map file is limited to { $limit } bytes (256 MiB)

## The file dialogs' filters: the kind of file they show

file-type-map = Determinant map
file-type-spreadsheet = Spreadsheet
file-type-csv = CSV
file-type-markdown = Markdown
file-type-json = JSON
file-type-text = Text
file-type-svg = SVG
file-type-png = PNG
file-type-xlsx = Excel workbook
file-type-pdf = PDF

## The command line's --help (src/cli/help.rs): cli-help-<command>-about, cli-help-<command>-arg-<flag>,
## cli-value-<flag>-<value>. English is the doc comments' text (a test compares them). Flags, value
## names and values (text, csv, a4…) are typed, not read: they stay.

cli-help-about = Determinant Mapper: draw and analyse determinant maps
cli-help-arg-file = A map to open in the window; without one, the window opens on its start screen
cli-help-validate-about = Check map files; print one line per problem as FILE:LINE:COL: message
cli-help-validate-arg-files = The map files to check
cli-help-analyze-about = Which determinants feed each stage, at what distance, with what net effect, and one path
cli-help-analyze-arg-file = The map to analyse
cli-help-analyze-arg-stage = Only this stage (its id or its label)
cli-help-analyze-arg-min-confidence = Analyse only the influences of at least this confidence (an influence with none given counts as high): what the map says on the links the study states
cli-help-export-about = Write the map's tables, its determinant × stage matrix, a report to hand out, or its picture (`-` for standard output)
cli-help-export-arg-file = The map to export from
cli-help-export-arg-determinants = Determinants as CSV: id,label,category,locus,directness,nature,effect,tags
cli-help-export-arg-influences = Influences as CSV: from,from_label,to,to_label,sign
cli-help-export-arg-matrix = The determinant × stage matrix as CSV: a row per determinant, a column per stage, cells like `1:enables` or `3:mixed` (distance and net effect), empty where it does not feed the stage
cli-help-export-arg-report = A Markdown report to hand out: per stage, what feeds it directly and indirectly, with signs, coding and evidence; pressure points; feedback loops; where coding and structure disagree
cli-help-export-arg-svg = The map as an SVG picture, with its legend
cli-help-export-arg-png = The map as a PNG picture, with its legend
cli-help-export-arg-slides = Slides as a PDF: one landscape page per step of the map's presentation (its title, note, the map framed to what the step shows, and the legend); a map without steps gives one page of the whole map
cli-help-export-arg-page = The paper of the slides, landscape
cli-help-export-arg-xlsx = The map as an .xlsx workbook in the layout `detmap import` reads back: an Elements sheet (stages and determinants with their coding), a Connections sheet, the matrix, and the categories, sources and title
cli-help-export-arg-min-confidence = Export only the influences of at least this confidence (an influence with none given counts as high), in the tables, the analysis and the picture
cli-help-export-arg-width = Width of the PNG in pixels
cli-help-export-arg-layout = Where the SVG and PNG draw the nodes: where the map saved them, or an automatic layout (the file is not changed). A map with no saved positions is drawn with the flow layout
cli-help-fmt-about = Rewrite map files in the layout the application saves (fields in order, one item per block)
cli-help-fmt-arg-files = The map files to rewrite (or, with --check, to check)
cli-help-fmt-arg-check = Change nothing; exit 1 if a file is not already in that layout
cli-help-fmt-arg-drop-comments = Rewrite files that have comments too; the saved layout has no place for them, so they are deleted. Without this, such a file is left as it is and reported
cli-help-generate-about = Write a valid synthetic map to standard output, the same for the same seed
cli-help-generate-arg-influences = How many influences the `random` shape draws (required for it; the chain has its own)
cli-help-import-about = Make a map from spreadsheets: an .xlsx or .ods workbook (Kumu's, PRSM's or one typed in the room), or CSV files (an elements table and a connections table). Every problem is listed with its sheet, row and column, and then nothing is written
cli-help-merge-about = Merge maps (breakout groups' copies of one map): everything from every input once, the first input's value kept where they differ, one line per conflict. Exit 0 with no conflict, 1 with conflicts (the merged map is written either way), 2 on error
cli-help-diff-about = What changed between two maps: stages, determinants and influences added, removed and changed. Exit 0 when they say the same thing, 1 when they differ, 2 on error
cli-help-diff-arg-layout = Count moved stages and determinants as differences (positions are ignored otherwise)
cli-value-format-text = For reading in a terminal
cli-value-format-csv = One row per stage and determinant feeding it
cli-value-diff-format-text = One line per change
cli-value-diff-format-json = A JSON list of changes: {"{"}change, kind, id, item, field, before, after{"}"}
cli-value-shape-random = Influences between random determinants and into random stages, with loops
cli-value-shape-chain = Each determinant influences the next; the last influences every stage: the longest paths a map of that size can have
cli-value-page-a4 = 297 × 210 mm
cli-value-page-letter = 11 × 8.5 in
cli-value-layout-saved = Where the map file has them
cli-value-layout-flow = Stages in a column on the right, upstream determinants further left
cli-value-layout-force = Force-directed, starting from the saved positions
cli-help-flag = Print help
cli-help-flag-short = Print help (see more with '--help')
cli-help-flag-long = Print help (see a summary with '-h')
cli-version-flag = Print version
cli-help-command = Print this message or the help of the given subcommand(s)
# The headings of a help page (English keeps clap's own).
cli-heading-usage = Usage:
cli-heading-commands = Commands
cli-heading-arguments = Arguments
cli-heading-options = Options

## Why the editor refused an edit (after status-not-done), and pasting lines (src/app/edit.rs)

refused-only-category = `{ $category }` is the only category of `{ $determinant }`, and a determinant keeps at least one
refused-influence-from-stage = an influence cannot start at a stage: stages are where influences arrive
refused-influence-same-ends = an influence needs two different ends
refused-no-such-category = no such category
refused-category-needs-name = a category needs a name
refused-category-in-use = category `{ $category }` is still used by `{ $determinant }`
refused-no-such-stage = no such stage
refused-item-gone = the item no longer exists
paste-no-text = The clipboard holds no text to paste.
paste-too-many-lines = The clipboard holds { $count } lines; one paste makes at most { $max } determinants. Nothing was pasted: copy fewer lines.
paste-line-too-long = Line { $line } of the clipboard is { $length } characters long; a pasted label holds at most { $max }. Nothing was pasted.
paste-added-lines = { $count ->
    [one] Added 1 determinant from the pasted line.
   *[other] Added { $count } determinants, one per pasted line.
}

## The layouts' status lines (src/app/apply/layouts.rs); $layout is command-flow-layout or command-force-layout

status-force-layout-too-big = Force layout is for maps of up to { $max } stages and determinants; this one has { $count }. Flow layout handles any size.
status-layout-in-place = { $layout }: everything is already in place.
status-layout-moved = { $layout }: moved { $count ->
    [one] 1 item
   *[other] { $count } items
} (Undo puts them back).

## When a recovery copy was saved (the recovery offer; src/app/recovery/copy.rs)

recovery-saved-when = { $weekday } { $day } { $month } { $year } at { $time }
recovery-weekday = { $day ->
    [1] Monday
    [2] Tuesday
    [3] Wednesday
    [4] Thursday
    [5] Friday
    [6] Saturday
   *[7] Sunday
}
recovery-month = { $month ->
    [1] January
    [2] February
    [3] March
    [4] April
    [5] May
    [6] June
    [7] July
    [8] August
    [9] September
    [10] October
    [11] November
   *[12] December
}
recovery-less-than-a-minute-ago = less than a minute ago
recovery-minutes-ago = { $count ->
    [one] 1 minute ago
   *[other] { $count } minutes ago
}
recovery-hours-ago = { $count ->
    [one] 1 hour ago
   *[other] { $count } hours ago
}
recovery-days-ago = { $count ->
    [one] 1 day ago
   *[other] { $count } days ago
}
recovery-when-ago = { $when } ({ $ago })

## The recovery copy's status lines (src/app/recovery/session.rs): "This map cannot be saved or
## autosaved until" is followed by recovery-until-fixed or recovery-until-smaller

recovery-cannot-autosave = This map cannot be saved or autosaved until { $why } Your changes are still here, unsaved.
recovery-until-fixed = { $more ->
    [0] { $path } is fixed: { $problem }.
    [one] { $path } is fixed: { $problem } (and 1 more problem).
   *[other] { $path } is fixed: { $problem } (and { $more } more problems).
}
recovery-until-smaller = it is smaller: as a file it would be { $size } MB, and maps are limited to { $limit } MB.
recovery-write-failed = Could not write the recovery copy (trying again in a few seconds): { $error }
recovery-no-lock = cannot create a lock file in { $folder }
recovery-no-data-folder = no data folder for this user

## What a spreadsheet's cell may hold, after import-bad-value's "expected": the words stay as a
## cell has them (they are typed), joined by the language's "or" (src/import/values.rs)

import-allowed-locus = internal or external
import-allowed-directness = direct or indirect
import-allowed-nature = structural or pressure point
import-allowed-effect = enabler or hinder (or +, -, positive, negative)
import-allowed-sign = + or - (or enables, hinders, same, opposite, positive, negative)
import-allowed-level = low, medium or high (or weak, moderate, strong, 1, 2, 3)
import-not-a-number = `{ $value }` is not a number
import-no-sheet = the workbook has no sheet to import
# The title of a map imported from a file with no name.
import-untitled = Imported map

## Exports that could not be written (src/export: png.rs, slides.rs, xlsx.rs). The workbook's sheet
## names and headings are the layout `detmap import` reads back: they stay.

export-svg-unreadable = the SVG could not be read: { $error }
export-png-too-large = a { $width } × { $height } pixel picture is too large or empty (at most { $max } pixels); choose a smaller --width
export-png-no-memory = could not allocate the picture
export-png-not-encoded = could not encode the PNG: { $error }
export-slide-unreadable = a slide could not be read as SVG: { $error }
export-slide-not-converted = a slide could not be converted to PDF: { $error }
xlsx-writing = writing the workbook: { $error }
xlsx-cell-too-long = { $what } is { $length } characters long; a spreadsheet cell holds at most { $max }
xlsx-too-many-stages = the map has { $count } stages; the matrix sheet holds at most { $max } (a column each)
# $field is the map file's name for the field (label, description, note…).
xlsx-field-of = { $kind ->
    [stage] the { $field } of stage `{ $id }`
    [determinant] the { $field } of determinant `{ $id }`
    [influence] the { $field } of influence `{ $id }`
   *[source] the { $field } of source `{ $id }`
}
xlsx-category-name = the category name `{ $name }`

## detmap generate: a map too large (src/generate.rs); $what is determinants, influences or stages.
## The generated map itself (its title, labels) stays English: the same seed gives the same file.

generate-too-many = { $count } { $what } asked for; a map holds at most { $max } { $what }

## A save or an export that failed (src/format/save.rs); $why is the reason below or the system's
## own words (which the system gives in English)

save-failed = could not save { $file }: { $why }
save-is-folder = it is a folder, not a file
save-is-pipe = it is a named pipe: writing to it would wait until something reads it
save-is-device = it is a disk device, which is never written over
save-is-socket = it is a socket, not a file
save-too-many-links = too many levels of symbolic links

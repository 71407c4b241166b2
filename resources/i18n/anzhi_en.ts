<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>AttributeForm</name>
    <message>
        <source>residential</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>commercial</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>road</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>green space</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>education (protected)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>medical (protected)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>elderly care (protected)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>industrial (protected)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A33 primary and secondary school land</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A51 hospital land</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A6 social welfare land</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>M1 class-one industrial land</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>0804 education land (land-use survey)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>0806 medical land (land-use survey)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>0807 social welfare land (land-use survey)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1001 industrial land (land-use survey)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not a valid %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>date (YYYY-MM-DD)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not one of its values.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code %1 is already used by another feature of this layer; codes must be unique.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AttributeTablePage</name>
    <message>
        <source>contains</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is empty</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BackgroundTask</name>
    <message>
        <source>Unknown error</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Help</name>
    <message>
        <source>The manual is missing from this build (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User manual</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ModifyTool</name>
    <message>
        <source>Move vertex</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move feature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add vertex</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete vertex</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Names</name>
    <message>
        <source>(empty)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feature ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Land-use class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ellipsoidal area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coordinates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 km</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 m</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 m² (%2 mu)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RuleExplanation</name>
    <message>
        <source>Clause %1 of 晋脱贫攻坚组〔2020〕12号, %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rule has no parameters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>set at line %1 of the rule set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>default: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This case:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>anzhi::desktop::AttributeForm</name>
    <message>
        <source>Attributes: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>* required</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>anzhi::desktop::AttributeTableDock</name>
    <message>
        <source>Attribute table</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>anzhi::desktop::AttributeTableModel</name>
    <message>
        <source>%1 cannot be edited here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Codes must be unique: %n features cannot all get code %1.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Edit %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Set %1 for %n feature(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The project is being saved; edit again once it is saved.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>anzhi::desktop::AttributeTablePage</name>
    <message>
        <source>Show selected only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter: any cell contains…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expression, e.g. level = &apos;junior&apos; AND capacity &lt; 300</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom to selection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set field for selection…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(the map highlights the first %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Selecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The expression does not parse: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select the rows to set first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set field for selection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n selected feature(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Export attribute table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV (*.csv);;Excel workbook (*.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Exported %n row(s) to %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 was not written: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 rows shown, %3 selected</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>anzhi::desktop::AttributesDock</name>
    <message>
        <source>Attributes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click a feature with the identify tool.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, feature %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>anzhi::desktop::CoverageLegend</name>
    <message>
        <source>%1 m</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>School radius, urban sites: primary %1, junior %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>School radius, rural sites: primary %1, junior %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clinic radius, urban sites: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clinic radius, rural sites: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Site without a covering school (a level)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Site without a clinic within reach</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>anzhi::desktop::EditController</name>
    <message>
        <source>Live check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit a layer to see its rules re-checked here at once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edits not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Recovered %n unsaved edit(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Saved %n edited feature(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add feature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Modify features</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;plit polygon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click the vertices; double-click or Enter finishes, Backspace removes the last vertex, Esc cancels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select one polygon, then draw a line across it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete selected features</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>M&amp;erge selected polygons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy attributes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Paste attributes to selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit a&amp;ttributes…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;napping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Snap to vertices and edges of visible layers within %1 pixels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disca&amp;rd edits…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard edits</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Discard all %n unsaved edited feature(s)? This cannot be undone.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The layer the edit tools draw into</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit tool bar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit layer:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recover unsaved edits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This project has edits that were not saved (the program was closed or stopped before saving). Recover them? Choose No to discard them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n violation(s) around the edits (%1 errors); last re-check %2 ms</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Add %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select exactly one polygon (Modify tool) before drawing the split line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Split %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot split: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Delete %n feature(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Merge %n feature(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot merge: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste attributes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit attributes of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save %1 new, %2 changed and %3 deleted feature(s) into the project?</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The live check shows %n violation(s) around your edits (%1 errors). You may save a layout with violations and fix them later.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Save edits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved edits</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>You have %n unsaved edited feature(s). Discard them? Choose No to keep them: they are offered for recovery the next time this project opens.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Saved %n edited feature(s) in %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The unsaved edits cannot be recovered: %1. The journal file is kept as it is; edits made now are not journalled until it is moved away.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Rangers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generate reallocation plan…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>anzhi::desktop::EditSession</name>
    <message>
        <source>Recover unsaved edits</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>anzhi::desktop::ExceptionDialog</name>
    <message>
        <source>Accept as exception</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why this violation is accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 晋自然资函〔2021〕12号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rule:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Violation:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approval document number:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>anzhi::desktop::FindDock</name>
    <message>
        <source>Find</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name, code or pinyin initials (e.g. lyz for 岚漪镇)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find is not available: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Township</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>anzhi::desktop::ImportValuesPage</name>
    <message>
        <source>Import values without a code as empty (NULL)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coded values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The code each value of the source stands for, proposed from the usual words (小学 → primary). Values without a code are highlighted: the import refuses them unless they are imported as empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the values of the source…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep as it is</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Empty (NULL)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The source has no values in the coded fields.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n value(s) without a code.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>anzhi::desktop::ImportWizard</name>
    <message>
        <source>Education land</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medical land</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Elderly-care land</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Industrial land</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Residential</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commercial</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Road</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Green</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layer:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text encoding:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rows are appended to this layer of the project, in the layer&apos;s coordinate system when it exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import as:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coordinate system of the source:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. EPSG:4546</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The layer has no coordinate system: enter the one its coordinates are in (EPSG:4525 for eastings with the zone prefix 37, EPSG:4546 without).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The layer says %1. Enter another only if that is wrong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fields</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the source field of each field; fields marked * are required. The first rows of the source are shown below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Land-use classes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Values left as the rule set reads them keep their code; a chosen class is written as the class name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import the other rows when some are refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import layer into %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n feature(s); coordinate system: %1; text: %2</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the values of %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Values of the source field %1:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As the rule set reads it: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing %1 into %2…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Imported %n row(s); the project is reopened.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Refused; the project is unchanged: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outside China</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Axes swapped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zone prefix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duplicate code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Empty code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Garbled text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unclassified land use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed lines as polygons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No geometry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source: %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text encoding: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coordinate system: %1 → %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repaired: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feature %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feature %1, field %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>[%1] %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The import failed; the project is unchanged: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Values without a code, imported as empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Level from the school code</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Value %1 of %2 → %3 (%n row(s))</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Value %1 of %2 without a code → empty (%n row(s))</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Shapefile, DXF, GeoJSON, KML, CSV, FlatGeobuf, GeoPackage, Personal Geodatabase (.mdb) or boundary-point file (.txt).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GIS data (*.shp *.dxf *.geojson *.json *.kml *.csv *.fgb *.gpkg *.mdb *.txt);;Boundary-point file (*.txt);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1

Enter the coordinate system of its coordinates to import it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Xian 1980 or Beijing 1954 data needs the parameters of your surveying office to reach CGCS2000: seven parameters, or a CSV of control points (name, source x, source y, target x, target y). A project remembers them for the next import.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seven parameters:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Control points:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Control points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV (*.csv *.txt);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give seven parameters or control points, not both.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing has been written yet. Press Import to append the rows in one transaction, or Back to change a step.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dx,dy,dz (m), rx,ry,rz (″), ds (ppm)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose what the layer is: its name and geometry do not say.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proposed: %1, for a polygon layer whose name says nothing else. Change it if that is wrong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proposed: %1, from &quot;%2&quot; in its name. Change it if that is wrong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layer of the source: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Features: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Into: %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coordinates in: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ← %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fields: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none mapped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows that are refused are left out; the others are imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Datum shift: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Control point %1: residual %2 m</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>anzhi::desktop::LayersDock</name>
    <message>
        <source>Layers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move layer up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move layer down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom to layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Project: problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — could not be loaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hillshade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drawn at %1 (your choice)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drawn at %1 (default)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not drawn at the current scale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2% opaque)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Basemap: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open attribute table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visible at scales…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opacity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove basemap</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>anzhi::desktop::MainWindow</name>
    <message>
        <source>Opening %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not open %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not open the project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1

%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accepted exceptions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exception recorded; save the project (Ctrl+S) to keep it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open project…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save &amp;as…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import layer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export violations…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Full extent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom to &amp;selection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Box zoom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Identify</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Se&amp;lect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measure &amp;distance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measure &amp;area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Coverage view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service radii of schools and clinics; uncovered sites in red</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show &amp;violations on the map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show &amp;labels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Run check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cancel check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rule &amp;set…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Built-in rule set (Shanxi 2020)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Anzhi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anzhi project (*.gpkg);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save project as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anzhi project (*.gpkg)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Anzhi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Anzhi (安置) %1&lt;/h3&gt;&lt;p&gt;Checks poverty-alleviation resettlement sites against 晋脱贫攻坚组〔2020〕12号: protected land, school and clinic coverage, seats, ecological forest rangers, demolition and reclamation.&lt;/p&gt;&lt;p&gt;Qt %2 · GDAL · PROJ · GEOS&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Recent projects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Panels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main tool bar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Map scale; type e.g. 1:10000 and press Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cursor position in the working CRS (metres)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cursor position in longitude and latitude (CGCS2000)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved exceptions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accepted exceptions have changed. Save them in the project before closing?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anzhi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened %1: %2 features</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened with problems: some layers could not be loaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some layers could not be loaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These layers were left out; the rest of the project is open. Rules that need them will be skipped.

%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check done in %1 s: %2 errors, %3 warnings, %4 accepted exceptions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coverage view: run the check to see which sites are not covered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No feature here</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n feature(s) selected</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Export violations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the check first (Check → Run check).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was not written.

%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rule set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rule set (*.toml);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rule set: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rule set: built-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The language changes when Anzhi restarts. Restart now?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>W</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>N</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The project is read-only, so the changed accepted exceptions cannot be saved in it. Discard them, or cancel and use Save as… to keep them in a copy?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>[read-only]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened read-only: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read-only project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is read-only (no write permission on the file or its folder). It is open for viewing and checking; accepted exceptions cannot be saved in it — use Save as… to keep them in a copy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import into project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the project first (Ctrl+S): it is reopened after the import.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recovered before opening: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GeoPackage (*.gpkg);;CSV (*.csv);;HTML report (*.html);;JSON report (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The map could not be drawn: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The violations could not be drawn: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The hillshade could not be drawn: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export selected &amp;features…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The selected features of the current layer (all of it when none is selected) as a boundary-point TXT or a File Geodatabase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export selected features</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a project first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select features on the map, or a layer in the Layers panel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Boundary-point file (*.txt);;File Geodatabase (*.gdb)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(as last saved; unsaved edits are not exported)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Exported %n feature(s) to %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Why?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n feature(s) here: pick one in the Attributes list</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>User &amp;manual</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The basemap could not be drawn: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot reach the tile service %1: showing the cached tiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;attribute table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a layer in the Layers panel to open its attribute table.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Statistics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Layers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add &amp;basemap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Local imagery (GeoTIFF)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tile service…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a project with this layer first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add local imagery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rasters (*.tif *.tiff *.img *.jp2 *.vrt *.gpkg);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>anzhi::desktop::MapCanvas</name>
    <message>
        <source>Rendering…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Distance: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Area: click at least three points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Area: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>anzhi::desktop::ProjectSession</name>
    <message>
        <source>%1 is read-only: the accepted exceptions were not saved in it. Use Save as… to keep them in a copy.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>anzhi::desktop::RangerPlanDialog</name>
    <message>
        <source>Cutting the forest into cells</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finding the forest each ranger can reach</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assigning forest to rangers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Joining each ranger&apos;s land</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Making the plots</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock selected rangers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlock selected rangers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock plots selected on the map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear locks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ranger reallocation plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ranger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before (mu)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After (mu)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moved (mu)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Distance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Satisfied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every ranger at least %1 mu of forest within %2 of home, in at most %3 part(s); cells of %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan applied as one edit, but the live check failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generate a plan; lock rangers or plots and generate again; apply it as one edit that can be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a project first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rangers, their plots, sites or forest land have unsaved edits: save or discard them first (the plan starts from the saved project).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No plan exists: rangers %1 ask for %2 mu together but can reach only %3 mu of forest.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 rangers satisfied; %3 mu moved between rangers; mean distance %4.%5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> Some rangers stay short or in too many parts (Satisfied: no).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The plan failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ranger(s) and %2 plot(s) locked: generate again to plan around them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select ranger plots on the map first (Modify tool, edit layer: ranger plots).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No locks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no plan to apply.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply ranger reallocation plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The plan cannot be applied while the project is being saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan applied as one edit (Undo takes it back); the live check is running…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan applied as one edit (Undo takes it back). The live check finds %1 ranger-area, %2 ranger-overlap and %3 ranger-distance errors.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not planned: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generate again</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>anzhi::desktop::RangersDock</name>
    <message>
        <source>Rangers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reassign selected plot to this ranger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give to this ranger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by code or name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total (mu)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plots</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Distance to plots</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> mu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>west part</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>south part</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>east part</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>north part</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>of the selected plot&apos;s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no plot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>below %1 mu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a ranger in the Rangers panel to see the total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 mu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select one ranger plot on the map (Modify tool, edit layer: ranger plots).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the ranger in the Rangers table first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reassign plot to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give %1 mu to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot cut the plot: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rangers&apos; totals could not be computed: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>anzhi::desktop::ResultsDock</name>
    <message>
        <source>Check results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accept as exception…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoke exception</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search code, name, message…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All severities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All townships</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No check has run yet. Run Check → Run check (F5).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Errors: %1 · warnings: %2 · accepted exceptions: %3 · shown: %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the rule checks, its clause and its parameters</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>anzhi::desktop::ResultsModel</name>
    <message>
        <source>%1 seats short</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2 · skipped (layer missing): %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2 · disabled in the rule set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2 · skipped: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2 · %3 (%4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accepted exceptions, not counted (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exception: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> [%1]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Township</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 beds short</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mean slope %1°</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min by road (%2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>anzhi::desktop::ScaleRangeDialog</name>
    <message>
        <source>Use the default (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visible at scales — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minimum scale (zoomed out):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Maximum scale (zoomed in):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The layer is drawn only between these scales; a point layer&apos;s markers are grouped with their count when they crowd.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from %1 in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>up to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all scales</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>anzhi::desktop::StatsChart</name>
    <message>
        <source>Planned area by land use (mu): %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>anzhi::desktop::StatsDock</name>
    <message>
        <source>Statistics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Statistics are not available: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Township</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n township(s); minimum managed area %1 mu</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Export statistics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>statistics.csv</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>anzhi::desktop::TileServiceDialog</name>
    <message>
        <source>Add a tile service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tianditu imagery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tianditu vector map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other (URL template)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Web Mercator 256-pixel tiles: {z} {x} {y}, {-y} for TMS rows, {s} for the subdomains 0–7, {key} for the key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>URL template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key is kept in your settings on this computer, not in the project. Tiles are cached; without a connection the cached ones are shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The URL template needs {z}, {x} and {y} (or {-y}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This service needs your key.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AttributeForm</name>
    <message>
        <source>residential</source>
        <translation>居住用地</translation>
    </message>
    <message>
        <source>commercial</source>
        <translation>商业用地</translation>
    </message>
    <message>
        <source>road</source>
        <translation>道路用地</translation>
    </message>
    <message>
        <source>green space</source>
        <translation>绿地</translation>
    </message>
    <message>
        <source>education (protected)</source>
        <translation>教育用地（受保护）</translation>
    </message>
    <message>
        <source>medical (protected)</source>
        <translation>医疗卫生用地（受保护）</translation>
    </message>
    <message>
        <source>elderly care (protected)</source>
        <translation>养老用地（受保护）</translation>
    </message>
    <message>
        <source>industrial (protected)</source>
        <translation>产业（工业）用地（受保护）</translation>
    </message>
    <message>
        <source>A33 primary and secondary school land</source>
        <translation>A33 中小学用地</translation>
    </message>
    <message>
        <source>A51 hospital land</source>
        <translation>A51 医院用地</translation>
    </message>
    <message>
        <source>A6 social welfare land</source>
        <translation>A6 社会福利用地</translation>
    </message>
    <message>
        <source>M1 class-one industrial land</source>
        <translation>M1 一类工业用地</translation>
    </message>
    <message>
        <source>0804 education land (land-use survey)</source>
        <translation>0804 教育用地（国土调查）</translation>
    </message>
    <message>
        <source>0806 medical land (land-use survey)</source>
        <translation>0806 医疗卫生用地（国土调查）</translation>
    </message>
    <message>
        <source>0807 social welfare land (land-use survey)</source>
        <translation>0807 社会福利用地（国土调查）</translation>
    </message>
    <message>
        <source>1001 industrial land (land-use survey)</source>
        <translation>1001 工业用地（国土调查）</translation>
    </message>
    <message>
        <source>%1 is required.</source>
        <translation>%1为必填项。</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not a valid %3.</source>
        <translation>%1：“%2”不是有效的%3。</translation>
    </message>
    <message>
        <source>date (YYYY-MM-DD)</source>
        <translation>日期（YYYY-MM-DD）</translation>
    </message>
    <message>
        <source>number</source>
        <translation>数字</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not one of its values.</source>
        <translation>%1：“%2”不在可选值之中。</translation>
    </message>
    <message>
        <source>Code %1 is already used by another feature of this layer; codes must be unique.</source>
        <translation>编号 %1 已被本图层的其他要素使用；编号必须唯一。</translation>
    </message>
</context>
<context>
    <name>AttributeTablePage</name>
    <message>
        <source>contains</source>
        <translation>包含</translation>
    </message>
    <message>
        <source>is empty</source>
        <translation>为空</translation>
    </message>
</context>
<context>
    <name>BackgroundTask</name>
    <message>
        <source>Unknown error</source>
        <translation>未知错误</translation>
    </message>
</context>
<context>
    <name>Help</name>
    <message>
        <source>The manual is missing from this build (%1).</source>
        <translation>此版本缺少使用手册（%1）。</translation>
    </message>
    <message>
        <source>User manual</source>
        <translation>使用手册</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>命令</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>快捷键</translation>
    </message>
</context>
<context>
    <name>ModifyTool</name>
    <message>
        <source>Move vertex</source>
        <translation>移动节点</translation>
    </message>
    <message>
        <source>Move feature</source>
        <translation>移动要素</translation>
    </message>
    <message>
        <source>Add vertex</source>
        <translation>添加节点</translation>
    </message>
    <message>
        <source>Delete vertex</source>
        <translation>删除节点</translation>
    </message>
</context>
<context>
    <name>Names</name>
    <message>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Feature ID</source>
        <translation>要素编号（fid）</translation>
    </message>
    <message>
        <source>Land-use class</source>
        <translation>用地分类</translation>
    </message>
    <message>
        <source>Ellipsoidal area</source>
        <translation>椭球面积</translation>
    </message>
    <message>
        <source>Coordinates</source>
        <translation>坐标</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>图层</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>%1 km</source>
        <translation>%1 公里</translation>
    </message>
    <message>
        <source>%1 m</source>
        <translation>%1 米</translation>
    </message>
    <message>
        <source>%1 m² (%2 mu)</source>
        <translation>%1 平方米（%2 亩）</translation>
    </message>
</context>
<context>
    <name>RuleExplanation</name>
    <message>
        <source>Clause %1 of 晋脱贫攻坚组〔2020〕12号, %2.</source>
        <translation>依据晋脱贫攻坚组〔2020〕12号 %1，%2。</translation>
    </message>
    <message>
        <source>The rule has no parameters.</source>
        <translation>该规则没有参数。</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>set at line %1 of the rule set</source>
        <translation>规则集第 %1 行设定</translation>
    </message>
    <message>
        <source>default: %1</source>
        <translation>默认值，依据：%1</translation>
    </message>
    <message>
        <source>This case:</source>
        <translation>本条问题：</translation>
    </message>
</context>
<context>
    <name>anzhi::desktop::AttributeForm</name>
    <message>
        <source>Attributes: %1</source>
        <translation>属性：%1</translation>
    </message>
    <message>
        <source>* required</source>
        <translation>* 为必填项</translation>
    </message>
</context>
<context>
    <name>anzhi::desktop::AttributeTableDock</name>
    <message>
        <source>Attribute table</source>
        <translation>属性表</translation>
    </message>
</context>
<context>
    <name>anzhi::desktop::AttributeTableModel</name>
    <message>
        <source>%1 cannot be edited here.</source>
        <translation>%1 不能在此编辑。</translation>
    </message>
    <message numerus="yes">
        <source>Codes must be unique: %n features cannot all get code %1.</source>
        <translation>
            <numerusform>编号必须唯一：%n 个要素不能都使用编号 %1。</numerusform>
        </translation>
    </message>
    <message>
        <source>Edit %1 of %2</source>
        <translation>修改 %2 的 %1</translation>
    </message>
    <message numerus="yes">
        <source>Set %1 for %n feature(s)</source>
        <translation>
            <numerusform>为 %n 个要素设置 %1</numerusform>
        </translation>
    </message>
    <message>
        <source>The project is being saved; edit again once it is saved.</source>
        <translation>项目正在保存；保存完成后再编辑。</translation>
    </message>
</context>
<context>
    <name>anzhi::desktop::AttributeTablePage</name>
    <message>
        <source>Show selected only</source>
        <translation>仅显示所选</translation>
    </message>
    <message>
        <source>Filter: any cell contains…</source>
        <translation>筛选：任一单元格包含…</translation>
    </message>
    <message>
        <source>Expression, e.g. level = &apos;junior&apos; AND capacity &lt; 300</source>
        <translation>表达式，如 level = &apos;junior&apos; AND capacity &lt; 300</translation>
    </message>
    <message>
        <source>Select</source>
        <translation>选择</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>筛选</translation>
    </message>
    <message>
        <source>value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Zoom to selection</source>
        <translation>缩放到所选</translation>
    </message>
    <message>
        <source>Set field for selection…</source>
        <translation>批量赋值…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>(the map highlights the first %1)</source>
        <translation>（地图上高亮前 %1 个）</translation>
    </message>
    <message>
        <source>Selecting…</source>
        <translation>正在选择…</translation>
    </message>
    <message>
        <source>The expression does not parse: %1</source>
        <translation>表达式无法解析：%1</translation>
    </message>
    <message>
        <source>Select the rows to set first.</source>
        <translation>请先选择要赋值的行。</translation>
    </message>
    <message>
        <source>Set field for selection</source>
        <translation>批量赋值</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message numerus="yes">
        <source>%n selected feature(s)</source>
        <translation>
            <numerusform>%n 个所选要素</numerusform>
        </translation>
    </message>
    <message>
        <source>Export attribute table</source>
        <translation>导出属性表</translation>
    </message>
    <message>
        <source>CSV (*.csv);;Excel workbook (*.xlsx)</source>
        <translation>CSV (*.csv);;Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Exporting %1…</source>
        <translation>正在导出 %1…</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n row(s) to %1</source>
        <translation>
            <numerusform>已导出 %n 行到 %1</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 was not written: %2</source>
        <translation>未能写入 %1：%2</translation>
    </message>
    <message>
        <source>%1 of %2 rows shown, %3 selected</source>
        <translation>显示 %1/%2 行，已选 %3 行</translation>
    </message>
</context>
<context>
    <name>anzhi::desktop::AttributesDock</name>
    <message>
        <source>Attributes</source>
        <translation>属性</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Click a feature with the identify tool.</source>
        <translation>用识别工具点击要素查看属性。</translation>
    </message>
    <message>
        <source>%1, feature %2</source>
        <translation>%1，要素 %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>anzhi::desktop::CoverageLegend</name>
    <message>
        <source>%1 m</source>
        <translation>%1 米</translation>
    </message>
    <message>
        <source>School radius, urban sites: primary %1, junior %2</source>
        <translation>学校服务半径（城镇安置区）：小学 %1，初中 %2</translation>
    </message>
    <message>
        <source>School radius, rural sites: primary %1, junior %2</source>
        <translation>学校服务半径（农村安置区）：小学 %1，初中 %2</translation>
    </message>
    <message>
        <source>Clinic radius, urban sites: %1</source>
        <translation>医疗机构服务半径（城镇安置区）：%1</translation>
    </message>
    <message>
        <source>Clinic radius, rural sites: %1</source>
        <translation>医疗机构服务半径（农村安置区）：%1</translation>
    </message>
    <message>
        <source>Site without a covering school (a level)</source>
        <translation>未被学校覆盖的安置区（某一学段）</translation>
    </message>
    <message>
        <source>Site without a clinic within reach</source>
        <translation>服务半径内无医疗机构的安置区</translation>
    </message>
</context>
<context>
    <name>anzhi::desktop::EditController</name>
    <message>
        <source>Live check</source>
        <translation>实时检查</translation>
    </message>
    <message>
        <source>Edit a layer to see its rules re-checked here at once.</source>
        <translation>编辑图层后，与之相关的规则会立即在此重新检查。</translation>
    </message>
    <message>
        <source>Edits not saved</source>
        <translation>编辑未保存</translation>
    </message>
    <message numerus="yes">
        <source>Recovered %n unsaved edit(s)</source>
        <translation>
            <numerusform>已恢复 %n 处未保存的编辑</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Saved %n edited feature(s)</source>
        <translation>
            <numerusform>已保存 %n 个编辑过的要素</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Add feature</source>
        <translation>添加要素(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Modify features</source>
        <translation>修改要素(&amp;M)</translation>
    </message>
    <message>
        <source>S&amp;plit polygon</source>
        <translation>分割面(&amp;P)</translation>
    </message>
    <message>
        <source>Click the vertices; double-click or Enter finishes, Backspace removes the last vertex, Esc cancels</source>
        <translation>单击添加节点；双击或回车完成，退格键删除上一个节点，Esc 取消</translation>
    </message>
    <message>
        <source>Select one polygon, then draw a line across it</source>
        <translation>先选择一个面，再画一条穿过它的线</translation>
    </message>
    <message>
        <source>&amp;Delete selected features</source>
        <translation>删除所选要素(&amp;D)</translation>
    </message>
    <message>
        <source>M&amp;erge selected polygons</source>
        <translation>合并所选面(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Copy attributes</source>
        <translation>复制属性(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Paste attributes to selected</source>
        <translation>粘贴属性到所选要素(&amp;P)</translation>
    </message>
    <message>
        <source>Edit a&amp;ttributes…</source>
        <translation>编辑属性(&amp;T)…</translation>
    </message>
    <message>
        <source>S&amp;napping</source>
        <translation>捕捉(&amp;N)</translation>
    </message>
    <message>
        <source>Snap to vertices and edges of visible layers within %1 pixels</source>
        <translation>在 %1 像素内捕捉可见图层的节点和边</translation>
    </message>
    <message>
        <source>Disca&amp;rd edits…</source>
        <translation>放弃编辑(&amp;R)…</translation>
    </message>
    <message>
        <source>Discard edits</source>
        <translation>放弃编辑</translation>
    </message>
    <message numerus="yes">
        <source>Discard all %n unsaved edited feature(s)? This cannot be undone.</source>
        <translation>
            <numerusform>放弃全部 %n 个未保存的编辑要素？此操作无法撤销。</numerusform>
        </translation>
    </message>
    <message>
        <source>The layer the edit tools draw into</source>
        <translation>编辑工具所绘制的图层</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>Edit tool bar</source>
        <translation>编辑工具栏</translation>
    </message>
    <message>
        <source>Edit layer:</source>
        <translation>编辑图层：</translation>
    </message>
    <message>
        <source>Recover unsaved edits</source>
        <translation>恢复未保存的编辑</translation>
    </message>
    <message>
        <source>This project has edits that were not saved (the program was closed or stopped before saving). Recover them? Choose No to discard them.</source>
        <translation>此项目有未保存的编辑（程序在保存前被关闭或中止）。是否恢复？选择“否”将放弃这些编辑。</translation>
    </message>
    <message numerus="yes">
        <source>%n violation(s) around the edits (%1 errors); last re-check %2 ms</source>
        <translation>
            <numerusform>编辑处附近有 %n 项违规（其中错误 %1 项）；最近一次重新检查用时 %2 毫秒</numerusform>
        </translation>
    </message>
    <message>
        <source>Add %1</source>
        <translation>添加%1</translation>
    </message>
    <message>
        <source>Select exactly one polygon (Modify tool) before drawing the split line.</source>
        <translation>请先用修改工具选择一个面，再绘制分割线。</translation>
    </message>
    <message>
        <source>Split %1</source>
        <translation>分割%1</translation>
    </message>
    <message>
        <source>Cannot split: %1</source>
        <translation>无法分割：%1</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n feature(s)</source>
        <translation>
            <numerusform>删除 %n 个要素</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Merge %n feature(s)</source>
        <translation>
            <numerusform>合并 %n 个要素</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot merge: %1</source>
        <translation>无法合并：%1</translation>
    </message>
    <message>
        <source>Paste attributes</source>
        <translation>粘贴属性</translation>
    </message>
    <message>
        <source>Edit attributes of %1</source>
        <translation>编辑%1的属性</translation>
    </message>
    <message>
        <source>Save %1 new, %2 changed and %3 deleted feature(s) into the project?</source>
        <translation>将新增 %1 个、修改 %2 个、删除 %3 个要素保存到项目中？</translation>
    </message>
    <message numerus="yes">
        <source>The live check shows %n violation(s) around your edits (%1 errors). You may save a layout with violations and fix them later.</source>
        <translation>
            <numerusform>实时检查显示编辑处附近有 %n 项违规（其中错误 %1 项）。含违规的布局也可以保存，之后再修正。</numerusform>
        </translation>
    </message>
    <message>
        <source>Save edits</source>
        <translation>保存编辑</translation>
    </message>
    <message>
        <source>Unsaved edits</source>
        <translation>未保存的编辑</translation>
    </message>
    <message numerus="yes">
        <source>You have %n unsaved edited feature(s). Discard them? Choose No to keep them: they are offered for recovery the next time this project opens.</source>
        <translation>
            <numerusform>有 %n 个编辑过的要素尚未保存。是否放弃？选择“否”则保留，下次打开此项目时可恢复。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Saved %n edited feature(s) in %1</source>
        <translation>
            <numerusform>已将 %n 个编辑过的要素保存到 %1</numerusform>
        </translation>
    </message>
    <message>
        <source>The unsaved edits cannot be recovered: %1. The journal file is kept as it is; edits made now are not journalled until it is moved away.</source>
        <translation>未保存的编辑无法恢复：%1。编辑日志文件保持原样；在把它移走之前，现在所做的编辑不会写入日志。</translation>
    </message>
    <message>
        <source>&amp;Rangers</source>
        <translation>护林员(&amp;R)</translation>
    </message>
    <message>
        <source>Generate reallocation plan…</source>
        <translation>生成调整方案…</translation>
    </message>
</context>
<context>
    <name>anzhi::desktop::EditSession</name>
    <message>
        <source>Recover unsaved edits</source>
        <translation>恢复未保存的编辑</translation>
    </message>
</context>
<context>
    <name>anzhi::desktop::ExceptionDialog</name>
    <message>
        <source>Accept as exception</source>
        <translation>标记为例外</translation>
    </message>
    <message>
        <source>Why this violation is accepted</source>
        <translation>接受该问题的理由</translation>
    </message>
    <message>
        <source>e.g. 晋自然资函〔2021〕12号</source>
        <translation>例如 晋自然资函〔2021〕12号</translation>
    </message>
    <message>
        <source>Rule:</source>
        <translation>规则：</translation>
    </message>
    <message>
        <source>Violation:</source>
        <translation>问题：</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>理由：</translation>
    </message>
    <message>
        <source>Approval document number:</source>
        <translation>批准文号：</translation>
    </message>
</context>
<context>
    <name>anzhi::desktop::FindDock</name>
    <message>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <source>Name, code or pinyin initials (e.g. lyz for 岚漪镇)</source>
        <translation>名称、编码或拼音首字母（如 lyz 查岚漪镇）</translation>
    </message>
    <message>
        <source>Find is not available: %1</source>
        <translation>查找不可用：%1</translation>
    </message>
    <message>
        <source>Township</source>
        <translation>乡镇</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>anzhi::desktop::ImportValuesPage</name>
    <message>
        <source>Import values without a code as empty (NULL)</source>
        <translation>没有代码的值导入为空值（NULL）</translation>
    </message>
    <message>
        <source>Coded values</source>
        <translation>代码值</translation>
    </message>
    <message>
        <source>The code each value of the source stands for, proposed from the usual words (小学 → primary). Values without a code are highlighted: the import refuses them unless they are imported as empty.</source>
        <translation>源数据每个值对应的代码，按常用说法给出建议（小学 → primary）。没有代码的值以红色标出：除非导入为空值，否则导入将被拒绝。</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Source value</source>
        <translation>源数据值</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>行数</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Reading the values of the source…</source>
        <translation>正在读取源数据的值…</translation>
    </message>
    <message>
        <source>No code</source>
        <translation>无代码</translation>
    </message>
    <message>
        <source>Keep as it is</source>
        <translation>保持原值</translation>
    </message>
    <message>
        <source>Empty (NULL)</source>
        <translation>空值（NULL）</translation>
    </message>
    <message>
        <source>The source has no values in the coded fields.</source>
        <translation>源数据的代码字段中没有值。</translation>
    </message>
    <message numerus="yes">
        <source>%n value(s) without a code.</source>
        <translation>
            <numerusform>%n 个值没有代码。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>anzhi::desktop::ImportWizard</name>
    <message>
        <source>Education land</source>
        <translation>教育用地</translation>
    </message>
    <message>
        <source>Medical land</source>
        <translation>医疗卫生用地</translation>
    </message>
    <message>
        <source>Elderly-care land</source>
        <translation>养老（社会福利）用地</translation>
    </message>
    <message>
        <source>Industrial land</source>
        <translation>产业（工业）用地</translation>
    </message>
    <message>
        <source>Residential</source>
        <translation>居住用地</translation>
    </message>
    <message>
        <source>Commercial</source>
        <translation>商业用地</translation>
    </message>
    <message>
        <source>Road</source>
        <translation>道路用地</translation>
    </message>
    <message>
        <source>Green</source>
        <translation>绿地</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他用地</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>数据源</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <source>Layer:</source>
        <translation>图层：</translation>
    </message>
    <message>
        <source>Text encoding:</source>
        <translation>文字编码：</translation>
    </message>
    <message>
        <source>Import layer</source>
        <translation>导入图层</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>图层角色</translation>
    </message>
    <message>
        <source>The rows are appended to this layer of the project, in the layer&apos;s coordinate system when it exists.</source>
        <translation>要素将追加到项目的该图层中；若该图层已存在，则转换到它的坐标系。</translation>
    </message>
    <message>
        <source>Import as:</source>
        <translation>导入为：</translation>
    </message>
    <message>
        <source>Coordinate system of the source:</source>
        <translation>数据源坐标系：</translation>
    </message>
    <message>
        <source>e.g. EPSG:4546</source>
        <translation>例如 EPSG:4546</translation>
    </message>
    <message>
        <source>The layer has no coordinate system: enter the one its coordinates are in (EPSG:4525 for eastings with the zone prefix 37, EPSG:4546 without).</source>
        <translation>该图层没有坐标系：请输入其坐标所用的坐标系（横坐标带 37 带号时为 EPSG:4525，不带带号时为 EPSG:4546）。</translation>
    </message>
    <message>
        <source>The layer says %1. Enter another only if that is wrong.</source>
        <translation>该图层声明的坐标系为 %1。仅当它有误时才输入其他坐标系。</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Choose the source field of each field; fields marked * are required. The first rows of the source are shown below.</source>
        <translation>为每个字段选择数据源字段；标 * 的字段为必填。下方显示数据源的前几行。</translation>
    </message>
    <message>
        <source>Land-use classes</source>
        <translation>用地分类</translation>
    </message>
    <message>
        <source>Values left as the rule set reads them keep their code; a chosen class is written as the class name.</source>
        <translation>保持“按规则集识别”的值保留原代码；选择了分类的值将写为分类名称。</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Import the other rows when some are refused</source>
        <translation>部分要素被拒绝时仍导入其余要素</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Source field</source>
        <translation>数据源字段</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>用地分类</translation>
    </message>
    <message>
        <source>Import layer into %1</source>
        <translation>导入图层到 %1</translation>
    </message>
    <message>
        <source>Detect</source>
        <translation>自动识别</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>正在读取 %1…</translation>
    </message>
    <message numerus="yes">
        <source>%n feature(s); coordinate system: %1; text: %2</source>
        <translation>
            <numerusform>%n 个要素；坐标系：%1；文字编码：%2</numerusform>
        </translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Reading the values of %1…</source>
        <translation>正在读取 %1 的取值…</translation>
    </message>
    <message>
        <source>Values of the source field %1:</source>
        <translation>数据源字段 %1 的取值：</translation>
    </message>
    <message>
        <source>As the rule set reads it: %1</source>
        <translation>按规则集识别：%1</translation>
    </message>
    <message>
        <source>Importing %1 into %2…</source>
        <translation>正在将 %1 导入%2…</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n row(s); the project is reopened.</source>
        <translation>
            <numerusform>已导入 %n 个要素；项目将重新打开。</numerusform>
        </translation>
    </message>
    <message>
        <source>Refused; the project is unchanged: %1</source>
        <translation>导入被拒绝，项目未作任何修改：%1</translation>
    </message>
    <message>
        <source>Outside China</source>
        <translation>坐标超出中国范围</translation>
    </message>
    <message>
        <source>Axes swapped</source>
        <translation>坐标轴颠倒</translation>
    </message>
    <message>
        <source>Zone prefix</source>
        <translation>带号不符</translation>
    </message>
    <message>
        <source>Duplicate code</source>
        <translation>编号重复</translation>
    </message>
    <message>
        <source>Empty code</source>
        <translation>编号为空</translation>
    </message>
    <message>
        <source>Unknown reference</source>
        <translation>引用的编号不存在</translation>
    </message>
    <message>
        <source>Garbled text</source>
        <translation>文字乱码</translation>
    </message>
    <message>
        <source>Unclassified land use</source>
        <translation>未识别的用地性质</translation>
    </message>
    <message>
        <source>Closed lines as polygons</source>
        <translation>闭合线转为面</translation>
    </message>
    <message>
        <source>No geometry</source>
        <translation>无几何</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>Source: %1 (%2)</source>
        <translation>数据源：%1（%2）</translation>
    </message>
    <message>
        <source>Text encoding: %1</source>
        <translation>文字编码：%1</translation>
    </message>
    <message>
        <source>Coordinate system: %1 → %2</source>
        <translation>坐标系：%1 → %2</translation>
    </message>
    <message>
        <source>Rows read: %1</source>
        <translation>读取：%1</translation>
    </message>
    <message>
        <source>Imported: %1</source>
        <translation>导入：%1</translation>
    </message>
    <message>
        <source>Repaired: %1</source>
        <translation>修复：%1</translation>
    </message>
    <message>
        <source>Refused: %1</source>
        <translation>拒绝：%1</translation>
    </message>
    <message>
        <source>Feature %1: %2</source>
        <translation>要素 %1：%2</translation>
    </message>
    <message>
        <source>Feature %1, field %2: %3</source>
        <translation>要素 %1，字段 %2：%3</translation>
    </message>
    <message>
        <source>[%1] %2</source>
        <translation>【%1】%2</translation>
    </message>
    <message>
        <source>The import failed; the project is unchanged: %1</source>
        <translation>导入失败，项目未作改动：%1</translation>
    </message>
    <message>
        <source>Values without a code, imported as empty</source>
        <translation>无代码的值已导入为空值</translation>
    </message>
    <message>
        <source>Level from the school code</source>
        <translation>由学校标识码得出学段</translation>
    </message>
    <message numerus="yes">
        <source>Value %1 of %2 → %3 (%n row(s))</source>
        <translation>
            <numerusform>%2 的值 %1 → %3（%n 行）</numerusform>
        </translation>
    </message>
    <message>
        <source>empty</source>
        <translation>空值</translation>
    </message>
    <message numerus="yes">
        <source>Value %1 of %2 without a code → empty (%n row(s))</source>
        <translation>
            <numerusform>%2 的值 %1 没有代码 → 空值（%n 行）</numerusform>
        </translation>
    </message>
    <message>
        <source>Shapefile, DXF, GeoJSON, KML, CSV, FlatGeobuf, GeoPackage, Personal Geodatabase (.mdb) or boundary-point file (.txt).</source>
        <translation>Shapefile、DXF、GeoJSON、KML、CSV、FlatGeobuf、GeoPackage、个人地理数据库（.mdb）或界址点坐标文件（.txt）。</translation>
    </message>
    <message>
        <source>GIS data (*.shp *.dxf *.geojson *.json *.kml *.csv *.fgb *.gpkg *.mdb *.txt);;Boundary-point file (*.txt);;All files (*)</source>
        <translation>GIS 数据 (*.shp *.dxf *.geojson *.json *.kml *.csv *.fgb *.gpkg *.mdb *.txt);;界址点坐标文件 (*.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>%1

Enter the coordinate system of its coordinates to import it.</source>
        <translation>%1

请输入其坐标所用的坐标系后再导入。</translation>
    </message>
    <message>
        <source>Xian 1980 or Beijing 1954 data needs the parameters of your surveying office to reach CGCS2000: seven parameters, or a CSV of control points (name, source x, source y, target x, target y). A project remembers them for the next import.</source>
        <translation>西安80或北京54坐标的数据需要测绘部门提供的转换参数才能转到2000国家大地坐标系：七参数，或控制点CSV（点名、源x、源y、目标x、目标y）。项目会记住这些参数供下次导入使用。</translation>
    </message>
    <message>
        <source>Seven parameters:</source>
        <translation>七参数：</translation>
    </message>
    <message>
        <source>Control points:</source>
        <translation>控制点：</translation>
    </message>
    <message>
        <source>Control points</source>
        <translation>控制点</translation>
    </message>
    <message>
        <source>CSV (*.csv *.txt);;All files (*)</source>
        <translation>CSV (*.csv *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Give seven parameters or control points, not both.</source>
        <translation>请给出七参数或控制点，不能同时给出。</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>确认导入</translation>
    </message>
    <message>
        <source>Nothing has been written yet. Press Import to append the rows in one transaction, or Back to change a step.</source>
        <translation>尚未写入任何数据。点击“导入”在一个事务中追加这些记录，或点击“上一步”修改。</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <source>dx,dy,dz (m), rx,ry,rz (″), ds (ppm)</source>
        <translation>dx,dy,dz（米），rx,ry,rz（秒），ds（ppm）</translation>
    </message>
    <message>
        <source>Choose what the layer is: its name and geometry do not say.</source>
        <translation>请选择该图层的类型：从名称和几何类型无法判断。</translation>
    </message>
    <message>
        <source>Proposed: %1, for a polygon layer whose name says nothing else. Change it if that is wrong.</source>
        <translation>建议：%1（面图层，名称中没有其他线索）。如不对请修改。</translation>
    </message>
    <message>
        <source>Proposed: %1, from &quot;%2&quot; in its name. Change it if that is wrong.</source>
        <translation>建议：%1（名称中含“%2”）。如不对请修改。</translation>
    </message>
    <message>
        <source>Source: %1</source>
        <translation>数据源：%1</translation>
    </message>
    <message>
        <source>Layer of the source: %1</source>
        <translation>源图层：%1</translation>
    </message>
    <message>
        <source>Features: %1</source>
        <translation>要素数：%1</translation>
    </message>
    <message>
        <source>Into: %1 of %2</source>
        <translation>导入到：%2 的 %1</translation>
    </message>
    <message>
        <source>Coordinates in: %1</source>
        <translation>坐标系：%1</translation>
    </message>
    <message>
        <source>none given</source>
        <translation>未指定</translation>
    </message>
    <message>
        <source>%1 ← %2</source>
        <translation>%1 ← %2</translation>
    </message>
    <message>
        <source>Fields: %1</source>
        <translation>字段：%1</translation>
    </message>
    <message>
        <source>none mapped</source>
        <translation>未对应任何字段</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <source>Rows that are refused are left out; the others are imported.</source>
        <translation>被拒绝的记录将跳过，其余记录照常导入。</translation>
    </message>
    <message>
        <source>Datum shift: %1</source>
        <translation>基准转换：%1</translation>
    </message>
    <message>
        <source>Control point %1: residual %2 m</source>
        <translation>控制点 %1：残差 %2 米</translation>
    </message>
</context>
<context>
    <name>anzhi::desktop::LayersDock</name>
    <message>
        <source>Layers</source>
        <translation>图层</translation>
    </message>
    <message>
        <source>Move layer up</source>
        <translation>上移图层</translation>
    </message>
    <message>
        <source>Move layer down</source>
        <translation>下移图层</translation>
    </message>
    <message>
        <source>Zoom to layer</source>
        <translation>缩放到图层</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Project: problem</source>
        <translation>项目：存在问题</translation>
    </message>
    <message>
        <source>%1 — could not be loaded</source>
        <translation>%1 — 无法加载</translation>
    </message>
    <message>
        <source>Hillshade</source>
        <translation>山体阴影</translation>
    </message>
    <message>
        <source>Drawn at %1 (your choice)</source>
        <translation>显示范围：%1（自定义）</translation>
    </message>
    <message>
        <source>Drawn at %1 (default)</source>
        <translation>显示范围：%1（默认）</translation>
    </message>
    <message>
        <source>Not drawn at the current scale</source>
        <translation>当前比例尺下不显示</translation>
    </message>
    <message>
        <source>%1 (%2% opaque)</source>
        <translation>%1（不透明度 %2%）</translation>
    </message>
    <message>
        <source>Basemap: %1</source>
        <translation>底图：%1</translation>
    </message>
    <message>
        <source>Open attribute table</source>
        <translation>打开属性表</translation>
    </message>
    <message>
        <source>Visible at scales…</source>
        <translation>按比例尺显示…</translation>
    </message>
    <message>
        <source>Opacity</source>
        <translation>不透明度</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>Remove basemap</source>
        <translation>移除底图</translation>
    </message>
</context>
<context>
    <name>anzhi::desktop::MainWindow</name>
    <message>
        <source>Opening %1…</source>
        <translation>正在打开 %1…</translation>
    </message>
    <message>
        <source>Could not open %1</source>
        <translation>无法打开 %1</translation>
    </message>
    <message>
        <source>Could not open the project</source>
        <translation>无法打开项目</translation>
    </message>
    <message>
        <source>%1

%2</source>
        <translation>%1

%2</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <source>Accepted exceptions</source>
        <translation>例外</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>正在检查…</translation>
    </message>
    <message>
        <source>Checking: %1</source>
        <translation>正在检查：%1</translation>
    </message>
    <message>
        <source>Check cancelled</source>
        <translation>检查已取消</translation>
    </message>
    <message>
        <source>Check failed</source>
        <translation>检查失败</translation>
    </message>
    <message>
        <source>Exception recorded; save the project (Ctrl+S) to keep it.</source>
        <translation>已记录例外；请保存项目（Ctrl+S）以保留。</translation>
    </message>
    <message>
        <source>&amp;Open project…</source>
        <translation>打开项目(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save &amp;as…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Import layer…</source>
        <translation>导入图层(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Export violations…</source>
        <translation>导出违规(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Full extent</source>
        <translation>全图(&amp;F)</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <source>Zoom to &amp;selection</source>
        <translation>缩放到选择(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Pan</source>
        <translation>平移(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Box zoom</source>
        <translation>拉框放大(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Identify</source>
        <translation>识别(&amp;I)</translation>
    </message>
    <message>
        <source>Se&amp;lect</source>
        <translation>选择(&amp;L)</translation>
    </message>
    <message>
        <source>Measure &amp;distance</source>
        <translation>测量距离(&amp;D)</translation>
    </message>
    <message>
        <source>Measure &amp;area</source>
        <translation>测量面积(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Coverage view</source>
        <translation>覆盖范围视图(&amp;C)</translation>
    </message>
    <message>
        <source>Service radii of schools and clinics; uncovered sites in red</source>
        <translation>学校和医疗机构的服务半径；未覆盖的安置区标红</translation>
    </message>
    <message>
        <source>Show &amp;violations on the map</source>
        <translation>在地图上显示违规(&amp;V)</translation>
    </message>
    <message>
        <source>Show &amp;labels</source>
        <translation>显示标注(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Run check</source>
        <translation>运行检查(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Cancel check</source>
        <translation>取消检查(&amp;C)</translation>
    </message>
    <message>
        <source>Rule &amp;set…</source>
        <translation>规则集(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Built-in rule set (Shanxi 2020)</source>
        <translation>内置规则集（山西 2020）(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;About Anzhi</source>
        <translation>关于安置(&amp;A)</translation>
    </message>
    <message>
        <source>Open project</source>
        <translation>打开项目</translation>
    </message>
    <message>
        <source>Anzhi project (*.gpkg);;All files (*)</source>
        <translation>安置项目 (*.gpkg);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Save project as</source>
        <translation>项目另存为</translation>
    </message>
    <message>
        <source>Anzhi project (*.gpkg)</source>
        <translation>安置项目 (*.gpkg)</translation>
    </message>
    <message>
        <source>Import layer</source>
        <translation>导入图层</translation>
    </message>
    <message>
        <source>About Anzhi</source>
        <translation>关于安置</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Anzhi (安置) %1&lt;/h3&gt;&lt;p&gt;Checks poverty-alleviation resettlement sites against 晋脱贫攻坚组〔2020〕12号: protected land, school and clinic coverage, seats, ecological forest rangers, demolition and reclamation.&lt;/p&gt;&lt;p&gt;Qt %2 · GDAL · PROJ · GEOS&lt;/p&gt;</source>
        <translation>&lt;h3&gt;安置 Anzhi %1&lt;/h3&gt;&lt;p&gt;按照晋脱贫攻坚组〔2020〕12号检查易地扶贫搬迁安置区：保护用地、学校和医疗机构覆盖、学位、生态护林员、拆旧复垦。&lt;/p&gt;&lt;p&gt;Qt %2 · GDAL · PROJ · GEOS&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Recent projects</source>
        <translation>最近的项目(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Panels</source>
        <translation>面板(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Check</source>
        <translation>检查(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Main tool bar</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>Map scale; type e.g. 1:10000 and press Enter</source>
        <translation>比例尺；输入如 1:10000 后按回车</translation>
    </message>
    <message>
        <source>Cursor position in the working CRS (metres)</source>
        <translation>光标在工作坐标系中的位置（米）</translation>
    </message>
    <message>
        <source>Cursor position in longitude and latitude (CGCS2000)</source>
        <translation>光标的经纬度（CGCS2000）</translation>
    </message>
    <message>
        <source>Scale</source>
        <translation>比例尺</translation>
    </message>
    <message>
        <source>Unsaved exceptions</source>
        <translation>例外尚未保存</translation>
    </message>
    <message>
        <source>Accepted exceptions have changed. Save them in the project before closing?</source>
        <translation>例外已更改。关闭前是否保存到项目中？</translation>
    </message>
    <message>
        <source>Could not save</source>
        <translation>无法保存</translation>
    </message>
    <message>
        <source>Anzhi</source>
        <translation>安置</translation>
    </message>
    <message>
        <source>Opened %1: %2 features</source>
        <translation>已打开 %1：%2 个要素</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Opened with problems: some layers could not be loaded</source>
        <translation>已打开，但部分图层无法加载</translation>
    </message>
    <message>
        <source>Some layers could not be loaded</source>
        <translation>部分图层无法加载</translation>
    </message>
    <message>
        <source>These layers were left out; the rest of the project is open. Rules that need them will be skipped.

%1</source>
        <translation>以下图层未能加载，项目的其余部分已打开。需要这些图层的规则将被跳过。

%1</translation>
    </message>
    <message>
        <source>Check done in %1 s: %2 errors, %3 warnings, %4 accepted exceptions</source>
        <translation>检查完成，用时 %1 秒：错误 %2，警告 %3，例外 %4</translation>
    </message>
    <message>
        <source>Coverage view: run the check to see which sites are not covered</source>
        <translation>覆盖范围视图：运行检查后可看到未覆盖的安置区</translation>
    </message>
    <message>
        <source>No feature here</source>
        <translation>此处没有要素</translation>
    </message>
    <message numerus="yes">
        <source>%n feature(s) selected</source>
        <translation>
            <numerusform>已选择 %n 个要素</numerusform>
        </translation>
    </message>
    <message>
        <source>Export violations</source>
        <translation>导出违规</translation>
    </message>
    <message>
        <source>Run the check first (Check → Run check).</source>
        <translation>请先运行检查（检查 → 运行检查）。</translation>
    </message>
    <message>
        <source>Exporting %1…</source>
        <translation>正在导出 %1…</translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation>已导出 %1</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>%1 was not written.

%2</source>
        <translation>未写入 %1。

%2</translation>
    </message>
    <message>
        <source>Rule set</source>
        <translation>规则集</translation>
    </message>
    <message>
        <source>Rule set (*.toml);;All files (*)</source>
        <translation>规则集 (*.toml);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Rule set: %1</source>
        <translation>规则集：%1</translation>
    </message>
    <message>
        <source>Rule set: built-in</source>
        <translation>规则集：内置</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>The language changes when Anzhi restarts. Restart now?</source>
        <translation>界面语言将在重启安置后生效。现在重启吗？</translation>
    </message>
    <message>
        <source>E</source>
        <translation>E</translation>
    </message>
    <message>
        <source>W</source>
        <translation>W</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>S</source>
        <translation>S</translation>
    </message>
    <message>
        <source>The project is read-only, so the changed accepted exceptions cannot be saved in it. Discard them, or cancel and use Save as… to keep them in a copy?</source>
        <translation>项目为只读，更改的例外无法保存到其中。放弃这些更改，还是取消后用“另存为…”保存到副本？</translation>
    </message>
    <message>
        <source>[read-only]</source>
        <translation>[只读]</translation>
    </message>
    <message>
        <source>Opened read-only: %1</source>
        <translation>已以只读方式打开：%1</translation>
    </message>
    <message>
        <source>Read-only project</source>
        <translation>只读项目</translation>
    </message>
    <message>
        <source>%1 is read-only (no write permission on the file or its folder). It is open for viewing and checking; accepted exceptions cannot be saved in it — use Save as… to keep them in a copy.</source>
        <translation>%1 为只读（文件或其所在文件夹没有写权限）。可以查看和检查；例外无法保存到其中，请用“另存为…”保存到副本。</translation>
    </message>
    <message>
        <source>Import into project</source>
        <translation>导入到项目</translation>
    </message>
    <message>
        <source>Save the project first (Ctrl+S): it is reopened after the import.</source>
        <translation>请先保存项目（Ctrl+S）：导入后将重新打开项目。</translation>
    </message>
    <message>
        <source>Recovered before opening: %1</source>
        <translation>打开前已恢复：%1</translation>
    </message>
    <message>
        <source>GeoPackage (*.gpkg);;CSV (*.csv);;HTML report (*.html);;JSON report (*.json)</source>
        <translation>GeoPackage (*.gpkg);;CSV (*.csv);;HTML 报告 (*.html);;JSON 报告 (*.json)</translation>
    </message>
    <message>
        <source>The map could not be drawn: %1</source>
        <translation>无法绘制地图：%1</translation>
    </message>
    <message>
        <source>The violations could not be drawn: %1</source>
        <translation>无法绘制违规要素：%1</translation>
    </message>
    <message>
        <source>The hillshade could not be drawn: %1</source>
        <translation>无法绘制山体阴影：%1</translation>
    </message>
    <message>
        <source>Export selected &amp;features…</source>
        <translation>导出选中要素(&amp;F)…</translation>
    </message>
    <message>
        <source>The selected features of the current layer (all of it when none is selected) as a boundary-point TXT or a File Geodatabase</source>
        <translation>将当前图层的选中要素（未选中时为整个图层）导出为界址点坐标 TXT 或 File Geodatabase</translation>
    </message>
    <message>
        <source>Export selected features</source>
        <translation>导出选中要素</translation>
    </message>
    <message>
        <source>Open a project first.</source>
        <translation>请先打开项目。</translation>
    </message>
    <message>
        <source>Select features on the map, or a layer in the Layers panel.</source>
        <translation>请在地图上选择要素，或在图层面板中选择一个图层。</translation>
    </message>
    <message>
        <source>Boundary-point file (*.txt);;File Geodatabase (*.gdb)</source>
        <translation>界址点坐标文件 (*.txt);;File Geodatabase (*.gdb)</translation>
    </message>
    <message>
        <source>(as last saved; unsaved edits are not exported)</source>
        <translation>（按最近一次保存的项目；未保存的编辑不会导出）</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n feature(s) to %1</source>
        <translation>
            <numerusform>已导出 %n 个要素到 %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Why?</source>
        <translation>为什么?</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>查找(&amp;F)…</translation>
    </message>
    <message numerus="yes">
        <source>%n feature(s) here: pick one in the Attributes list</source>
        <translation>
            <numerusform>此处有 %n 个要素：请在属性面板中选择</numerusform>
        </translation>
    </message>
    <message>
        <source>User &amp;manual</source>
        <translation>使用手册(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>The basemap could not be drawn: %1</source>
        <translation>底图无法绘制：%1</translation>
    </message>
    <message>
        <source>Cannot reach the tile service %1: showing the cached tiles</source>
        <translation>无法连接瓦片服务 %1：显示已缓存的瓦片</translation>
    </message>
    <message>
        <source>Open &amp;attribute table</source>
        <translation>打开属性表(&amp;A)</translation>
    </message>
    <message>
        <source>Choose a layer in the Layers panel to open its attribute table.</source>
        <translation>请在图层面板中选择一个图层以打开其属性表。</translation>
    </message>
    <message>
        <source>&amp;Statistics</source>
        <translation>统计(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Layers</source>
        <translation>图层(&amp;L)</translation>
    </message>
    <message>
        <source>Add &amp;basemap</source>
        <translation>添加底图(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Local imagery (GeoTIFF)…</source>
        <translation>本地影像(GeoTIFF)(&amp;L)…</translation>
    </message>
    <message>
        <source>&amp;Tile service…</source>
        <translation>瓦片服务(&amp;T)…</translation>
    </message>
    <message>
        <source>Open a project with this layer first.</source>
        <translation>请先打开含有此图层的项目。</translation>
    </message>
    <message>
        <source>Add local imagery</source>
        <translation>添加本地影像</translation>
    </message>
    <message>
        <source>Rasters (*.tif *.tiff *.img *.jp2 *.vrt *.gpkg);;All files (*)</source>
        <translation>栅格 (*.tif *.tiff *.img *.jp2 *.vrt *.gpkg);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>anzhi::desktop::MapCanvas</name>
    <message>
        <source>Rendering…</source>
        <translation>正在绘制…</translation>
    </message>
    <message>
        <source>Distance: %1</source>
        <translation>距离：%1</translation>
    </message>
    <message>
        <source>Area: click at least three points</source>
        <translation>面积：请至少点击三个点</translation>
    </message>
    <message>
        <source>Area: %1</source>
        <translation>面积：%1（椭球面积）</translation>
    </message>
</context>
<context>
    <name>anzhi::desktop::ProjectSession</name>
    <message>
        <source>%1 is read-only: the accepted exceptions were not saved in it. Use Save as… to keep them in a copy.</source>
        <translation>%1 为只读：例外未保存到其中。请用“另存为…”保存到副本。</translation>
    </message>
</context>
<context>
    <name>anzhi::desktop::RangerPlanDialog</name>
    <message>
        <source>Cutting the forest into cells</source>
        <translation>将林地切分为网格单元</translation>
    </message>
    <message>
        <source>Finding the forest each ranger can reach</source>
        <translation>查找每位护林员可达的林地</translation>
    </message>
    <message>
        <source>Assigning forest to rangers</source>
        <translation>为护林员分配林地</translation>
    </message>
    <message>
        <source>Joining each ranger&apos;s land</source>
        <translation>合并每位护林员的地块</translation>
    </message>
    <message>
        <source>Making the plots</source>
        <translation>生成管护地块</translation>
    </message>
    <message>
        <source>Generate</source>
        <translation>生成</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Lock selected rangers</source>
        <translation>锁定所选护林员</translation>
    </message>
    <message>
        <source>Unlock selected rangers</source>
        <translation>解锁所选护林员</translation>
    </message>
    <message>
        <source>Lock plots selected on the map</source>
        <translation>锁定地图上选中的地块</translation>
    </message>
    <message>
        <source>Clear locks</source>
        <translation>清除锁定</translation>
    </message>
    <message>
        <source>Apply plan</source>
        <translation>应用方案</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>调整前</translation>
    </message>
    <message>
        <source>After</source>
        <translation>调整后</translation>
    </message>
    <message>
        <source>Ranger reallocation plan</source>
        <translation>护林员管护责任区调整方案</translation>
    </message>
    <message>
        <source>Ranger</source>
        <translation>护林员</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Before (mu)</source>
        <translation>调整前（亩）</translation>
    </message>
    <message>
        <source>After (mu)</source>
        <translation>调整后（亩）</translation>
    </message>
    <message>
        <source>Moved (mu)</source>
        <translation>调入（亩）</translation>
    </message>
    <message>
        <source>Distance</source>
        <translation>距离</translation>
    </message>
    <message>
        <source>Parts</source>
        <translation>片数</translation>
    </message>
    <message>
        <source>Satisfied</source>
        <translation>满足</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>锁定</translation>
    </message>
    <message>
        <source>Every ranger at least %1 mu of forest within %2 of home, in at most %3 part(s); cells of %4.</source>
        <translation>每位护林员管护离住处 %2 以内的林地不少于 %1 亩，最多 %3 片；网格单元 %4。</translation>
    </message>
    <message>
        <source>Plan applied as one edit, but the live check failed: %1</source>
        <translation>方案已作为一次编辑应用，但实时检查失败：%1</translation>
    </message>
    <message>
        <source>Generate a plan; lock rangers or plots and generate again; apply it as one edit that can be undone.</source>
        <translation>生成方案；可锁定护林员或地块后重新生成；作为一次可撤销的编辑应用。</translation>
    </message>
    <message>
        <source>Open a project first.</source>
        <translation>请先打开项目。</translation>
    </message>
    <message>
        <source>Rangers, their plots, sites or forest land have unsaved edits: save or discard them first (the plan starts from the saved project).</source>
        <translation>护林员、管护地块、安置区或林地有未保存的编辑：请先保存或放弃（方案从已保存的项目出发）。</translation>
    </message>
    <message>
        <source>No plan exists: rangers %1 ask for %2 mu together but can reach only %3 mu of forest.</source>
        <translation>不存在可行方案：护林员 %1 共需 %2 亩，但可达林地仅 %3 亩。</translation>
    </message>
    <message>
        <source>%1 of %2 rangers satisfied; %3 mu moved between rangers; mean distance %4.%5</source>
        <translation>%2 名护林员中 %1 名满足要求；护林员之间调整 %3 亩；平均距离 %4。%5</translation>
    </message>
    <message>
        <source> Some rangers stay short or in too many parts (Satisfied: no).</source>
        <translation>部分护林员仍不足面积或片数过多（满足：否）。</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <source>The plan failed: %1</source>
        <translation>方案生成失败：%1</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>%1 ranger(s) and %2 plot(s) locked: generate again to plan around them.</source>
        <translation>已锁定 %1 名护林员和 %2 个地块：请重新生成。</translation>
    </message>
    <message>
        <source>Select ranger plots on the map first (Modify tool, edit layer: ranger plots).</source>
        <translation>请先在地图上选择管护地块（修改要素工具，编辑图层：管护责任区）。</translation>
    </message>
    <message>
        <source>No locks.</source>
        <translation>无锁定。</translation>
    </message>
    <message>
        <source>There is no plan to apply.</source>
        <translation>没有可应用的方案。</translation>
    </message>
    <message>
        <source>Apply ranger reallocation plan</source>
        <translation>应用护林员调整方案</translation>
    </message>
    <message>
        <source>The plan cannot be applied while the project is being saved.</source>
        <translation>项目保存期间不能应用方案。</translation>
    </message>
    <message>
        <source>Plan applied as one edit (Undo takes it back); the live check is running…</source>
        <translation>方案已作为一次编辑应用（可撤销）；正在实时检查…</translation>
    </message>
    <message>
        <source>Plan applied as one edit (Undo takes it back). The live check finds %1 ranger-area, %2 ranger-overlap and %3 ranger-distance errors.</source>
        <translation>方案已作为一次编辑应用（可撤销）。实时检查发现管护面积错误 %1 个、管护重叠错误 %2 个、管护距离错误 %3 个。</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>locked</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <source>not planned: %1</source>
        <translation>未纳入方案：%1</translation>
    </message>
    <message>
        <source>Generate again</source>
        <translation>重新生成</translation>
    </message>
</context>
<context>
    <name>anzhi::desktop::RangersDock</name>
    <message>
        <source>Rangers</source>
        <translation>护林员</translation>
    </message>
    <message>
        <source>Reassign selected plot to this ranger</source>
        <translation>将所选责任区改划给此护林员</translation>
    </message>
    <message>
        <source>Give to this ranger</source>
        <translation>划给此护林员</translation>
    </message>
    <message>
        <source>Filter by code or name</source>
        <translation>按编号或姓名筛选</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>安置区</translation>
    </message>
    <message>
        <source>Total (mu)</source>
        <translation>管护面积（亩）</translation>
    </message>
    <message>
        <source>Plots</source>
        <translation>责任区数</translation>
    </message>
    <message>
        <source>Distance to plots</source>
        <translation>距责任区</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source> mu</source>
        <translation> 亩</translation>
    </message>
    <message>
        <source>west part</source>
        <translation>西侧</translation>
    </message>
    <message>
        <source>south part</source>
        <translation>南侧</translation>
    </message>
    <message>
        <source>east part</source>
        <translation>东侧</translation>
    </message>
    <message>
        <source>north part</source>
        <translation>北侧</translation>
    </message>
    <message>
        <source>Give</source>
        <translation>划出</translation>
    </message>
    <message>
        <source>of the selected plot&apos;s</source>
        <translation>，取自所选责任区的</translation>
    </message>
    <message>
        <source>no plot</source>
        <translation>无责任区</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>达标</translation>
    </message>
    <message>
        <source>below %1 mu</source>
        <translation>不足 %1 亩</translation>
    </message>
    <message>
        <source>Choose a ranger in the Rangers panel to see the total</source>
        <translation>在护林员面板中选择护林员即可看到管护面积</translation>
    </message>
    <message>
        <source>%1: %2 mu</source>
        <translation>%1：%2 亩</translation>
    </message>
    <message>
        <source>Select one ranger plot on the map (Modify tool, edit layer: ranger plots).</source>
        <translation>请在地图上选择一个管护责任区（修改工具，编辑图层：管护责任区）。</translation>
    </message>
    <message>
        <source>Choose the ranger in the Rangers table first.</source>
        <translation>请先在护林员表中选择护林员。</translation>
    </message>
    <message>
        <source>Reassign plot to %1</source>
        <translation>将责任区改划给 %1</translation>
    </message>
    <message>
        <source>Give %1 mu to %2</source>
        <translation>划 %1 亩给 %2</translation>
    </message>
    <message>
        <source>Cannot cut the plot: %1</source>
        <translation>无法分割责任区：%1</translation>
    </message>
    <message>
        <source>The rangers&apos; totals could not be computed: %1</source>
        <translation>无法计算护林员管护面积：%1</translation>
    </message>
</context>
<context>
    <name>anzhi::desktop::ResultsDock</name>
    <message>
        <source>Check results</source>
        <translation>检查结果</translation>
    </message>
    <message>
        <source>Accept as exception…</source>
        <translation>标记为例外…</translation>
    </message>
    <message>
        <source>Revoke exception</source>
        <translation>撤销例外</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Search code, name, message…</source>
        <translation>搜索编号、名称、问题描述…</translation>
    </message>
    <message>
        <source>All severities</source>
        <translation>全部严重程度</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>All rules</source>
        <translation>全部规则</translation>
    </message>
    <message>
        <source>All townships</source>
        <translation>全部乡镇</translation>
    </message>
    <message>
        <source>No check has run yet. Run Check → Run check (F5).</source>
        <translation>尚未检查。请运行 检查 → 运行检查（F5）。</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>正在检查…</translation>
    </message>
    <message>
        <source>Errors: %1 · warnings: %2 · accepted exceptions: %3 · shown: %4</source>
        <translation>错误 %1 · 警告 %2 · 例外 %3 · 显示 %4 条</translation>
    </message>
    <message>
        <source>Why?</source>
        <translation>为什么?</translation>
    </message>
    <message>
        <source>What the rule checks, its clause and its parameters</source>
        <translation>规则检查什么、依据条款及其参数</translation>
    </message>
</context>
<context>
    <name>anzhi::desktop::ResultsModel</name>
    <message>
        <source>%1 seats short</source>
        <translation>缺 %1 个学位</translation>
    </message>
    <message>
        <source>%1 · %2 · skipped (layer missing): %3</source>
        <translation>%1 · %2 · 已跳过（缺少图层）：%3</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>%1 · %2 · disabled in the rule set</source>
        <translation>%1 · %2 · 规则集中已停用</translation>
    </message>
    <message>
        <source>%1 · %2 · skipped: %3</source>
        <translation>%1 · %2 · 已跳过：%3</translation>
    </message>
    <message>
        <source>%1 · %2 · %3 (%4)</source>
        <translation>%1 · %2 · %3（%4）</translation>
    </message>
    <message>
        <source>Accepted exceptions, not counted (%1)</source>
        <translation>已接受的例外，不计入问题（%1）</translation>
    </message>
    <message>
        <source>Exception: %1</source>
        <translation>例外：%1</translation>
    </message>
    <message>
        <source> [%1]</source>
        <translation>［%1］</translation>
    </message>
    <message>
        <source>Issue</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Feature</source>
        <translation>要素</translation>
    </message>
    <message>
        <source>Township</source>
        <translation>乡镇</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>%1 beds short</source>
        <translation>缺 %1 张床位</translation>
    </message>
    <message>
        <source>mean slope %1°</source>
        <translation>平均坡度 %1°</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1/%2</translation>
    </message>
    <message>
        <source>%1 min by road (%2)</source>
        <translation>道路通行 %1 分钟（直线 %2）</translation>
    </message>
</context>
<context>
    <name>anzhi::desktop::ScaleRangeDialog</name>
    <message>
        <source>Use the default (%1)</source>
        <translation>使用默认值（%1）</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>Visible at scales — %1</source>
        <translation>按比例尺显示 — %1</translation>
    </message>
    <message>
        <source>Minimum scale (zoomed out):</source>
        <translation>最小比例尺（缩小）：</translation>
    </message>
    <message>
        <source>Maximum scale (zoomed in):</source>
        <translation>最大比例尺（放大）：</translation>
    </message>
    <message>
        <source>The layer is drawn only between these scales; a point layer&apos;s markers are grouped with their count when they crowd.</source>
        <translation>图层只在这两个比例尺之间显示；点图层的符号拥挤时合并显示并标出个数。</translation>
    </message>
    <message>
        <source>from %1 to %2</source>
        <translation>%1 至 %2</translation>
    </message>
    <message>
        <source>from %1 in</source>
        <translation>%1 及更大比例尺</translation>
    </message>
    <message>
        <source>up to %1</source>
        <translation>至 %1</translation>
    </message>
    <message>
        <source>all scales</source>
        <translation>所有比例尺</translation>
    </message>
</context>
<context>
    <name>anzhi::desktop::StatsChart</name>
    <message>
        <source>Planned area by land use (mu): %1</source>
        <translation>按用地分类的规划面积（亩）：%1</translation>
    </message>
</context>
<context>
    <name>anzhi::desktop::StatsDock</name>
    <message>
        <source>Statistics</source>
        <translation>统计</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>正在计算…</translation>
    </message>
    <message>
        <source>Statistics are not available: %1</source>
        <translation>无法统计：%1</translation>
    </message>
    <message>
        <source>Township</source>
        <translation>乡镇</translation>
    </message>
    <message numerus="yes">
        <source>%n township(s); minimum managed area %1 mu</source>
        <translation>
            <numerusform>%n 个乡镇；最低管护面积 %1 亩</numerusform>
        </translation>
    </message>
    <message>
        <source>Export statistics</source>
        <translation>导出统计</translation>
    </message>
    <message>
        <source>statistics.csv</source>
        <translation>统计.csv</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
</context>
<context>
    <name>anzhi::desktop::TileServiceDialog</name>
    <message>
        <source>Add a tile service</source>
        <translation>添加瓦片服务</translation>
    </message>
    <message>
        <source>Tianditu imagery</source>
        <translation>天地图影像</translation>
    </message>
    <message>
        <source>Tianditu vector map</source>
        <translation>天地图矢量</translation>
    </message>
    <message>
        <source>Other (URL template)</source>
        <translation>其他（URL 模板）</translation>
    </message>
    <message>
        <source>Web Mercator 256-pixel tiles: {z} {x} {y}, {-y} for TMS rows, {s} for the subdomains 0–7, {key} for the key</source>
        <translation>Web 墨卡托 256 像素瓦片：{z} {x} {y}，TMS 行号用 {-y}，子域 0–7 用 {s}，密钥用 {key}</translation>
    </message>
    <message>
        <source>Preset</source>
        <translation>预设</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>URL template</source>
        <translation>URL 模板</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>密钥</translation>
    </message>
    <message>
        <source>The key is kept in your settings on this computer, not in the project. Tiles are cached; without a connection the cached ones are shown.</source>
        <translation>密钥保存在本机用户设置中，不写入项目。瓦片会被缓存；无网络时显示已缓存的瓦片。</translation>
    </message>
    <message>
        <source>The URL template needs {z}, {x} and {y} (or {-y}).</source>
        <translation>URL 模板需包含 {z}、{x} 和 {y}（或 {-y}）。</translation>
    </message>
    <message>
        <source>This service needs your key.</source>
        <translation>此服务需要您的密钥。</translation>
    </message>
</context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>App</name>
    <message>
        <location filename="../../caseworker/ui/app.py" line="37"/>
        <source>Set the password that protects this laptop&apos;s records.</source>
        <translation>请设置密码。本机上的所有救助对象信息将用此密码加密保护。</translation>
    </message>
</context>
<context>
    <name>AppraisalForm</name>
    <message>
        <location filename="../../caseworker/ui/widgets/appraisal_form.py" line="84"/>
        <source>Place of the meeting</source>
        <translation>评议地点</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/appraisal_form.py" line="87"/>
        <source>Who took part</source>
        <translation>参加人员</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/appraisal_form.py" line="91"/>
        <source>For example: village committee members, Party member and villager representatives</source>
        <translation>如：村两委成员、党员代表、村民代表</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/appraisal_form.py" line="95"/>
        <source>People present</source>
        <translation>到会人数</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/appraisal_form.py" line="98"/>
        <source>Votes</source>
        <translation>表决结果</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/appraisal_form.py" line="100"/>
        <source>Counted among the people present</source>
        <translation>按到会人员计票</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/appraisal_form.py" line="102"/>
        <source>Outcome</source>
        <translation>评议结果</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/appraisal_form.py" line="105"/>
        <source>Published in the village</source>
        <translation>村内公示</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/appraisal_form.py" line="108"/>
        <source>Objections received</source>
        <translation>收到的异议</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/appraisal_form.py" line="128"/>
        <source>Democratic appraisal record</source>
        <translation>民主评议记录</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/appraisal_form.py" line="134"/>
        <source>For</source>
        <translation>同意</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/appraisal_form.py" line="134"/>
        <source>Against</source>
        <translation>反对</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/appraisal_form.py" line="134"/>
        <source>Abstaining</source>
        <translation>弃权</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/appraisal_form.py" line="139"/>
        <source>from</source>
        <translation>自</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/appraisal_form.py" line="140"/>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/appraisal_form.py" line="141"/>
        <source>Add an objection</source>
        <translation>添加异议</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/appraisal_form.py" line="142"/>
        <source>Remove the chosen objection</source>
        <translation>删除选中的异议</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/appraisal_form.py" line="144"/>
        <source>Received on</source>
        <translation>收到日期</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/appraisal_form.py" line="144"/>
        <source>What was objected</source>
        <translation>异议内容</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/appraisal_form.py" line="144"/>
        <source>How it was handled</source>
        <translation>处理情况</translation>
    </message>
</context>
<context>
    <name>AttachDialog</name>
    <message>
        <location filename="../../caseworker/ui/dialogs/attachment.py" line="54"/>
        <source>Add evidence</source>
        <translation>添加证明材料</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/attachment.py" line="64"/>
        <source>The whole household</source>
        <translation>全户（不属于某一成员）</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/attachment.py" line="78"/>
        <source>optional, e.g. front and back</source>
        <translation>可不填，例如：正反面</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/attachment.py" line="81"/>
        <source>Files</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/attachment.py" line="82"/>
        <source>What it is</source>
        <translation>材料种类</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/attachment.py" line="83"/>
        <source>Whose</source>
        <translation>属于</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/attachment.py" line="85"/>
        <source>Taken on</source>
        <translation>拍摄/出具日期</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/attachment.py" line="86"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/attachment.py" line="90"/>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/attachment.py" line="91"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/attachment.py" line="108"/>
        <source>{name} (PDF, {pages} pages)</source>
        <translation>{name}（PDF，{pages}页）</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/attachment.py" line="139"/>
        <source>A {kind} belongs to one member: choose whose it is.</source>
        <translation>{kind}属于某一位家庭成员：请选择是谁的。</translation>
    </message>
</context>
<context>
    <name>AuthorizationDialog</name>
    <message>
        <location filename="../../caseworker/ui/signing.py" line="102"/>
        <source>Authorisation to check family finances</source>
        <translation>家庭经济状况核对授权书</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/signing.py" line="109"/>
        <source>Every member aged 18 or over signs; the signature and the time are printed on the authorisation.</source>
        <translation>年满18周岁的家庭成员均须签字；签字和签字时间将打印在授权书上。</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/signing.py" line="119"/>
        <location filename="../../caseworker/ui/signing.py" line="142"/>
        <source>Sign</source>
        <translation>签字</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/signing.py" line="127"/>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/signing.py" line="141"/>
        <source>signed</source>
        <translation>已签字</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/signing.py" line="141"/>
        <source>not signed yet</source>
        <translation>尚未签字</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/signing.py" line="142"/>
        <source>Sign again</source>
        <translation>重新签字</translation>
    </message>
</context>
<context>
    <name>BackupPanel</name>
    <message>
        <location filename="../../caseworker/ui/pages/backup_panel.py" line="80"/>
        <source>Backing up and restoring</source>
        <translation>备份与恢复</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/backup_panel.py" line="83"/>
        <source>A backup of this laptop&apos;s records is made automatically once a day, after you sign in; the backups of the last {days} days are kept. Backups are encrypted like the records: they open only with this laptop&apos;s password or the county&apos;s recovery code.</source>
        <translation>每天第一次登录后，程序会自动备份一次本机数据，保留最近 {days} 天的备份。备份和数据一样是加密的：只有用本机的密码或县里保管的恢复码才能打开。</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/backup_panel.py" line="89"/>
        <source>Last backup:</source>
        <translation>上次备份：</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/backup_panel.py" line="90"/>
        <source>Backups folder:</source>
        <translation>备份文件夹：</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/backup_panel.py" line="91"/>
        <source>Back up now</source>
        <translation>立即备份</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/backup_panel.py" line="92"/>
        <source>Back up to a USB stick...</source>
        <translation>备份到U盘…</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/backup_panel.py" line="93"/>
        <source>Restore from a backup...</source>
        <translation>从备份恢复…</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/backup_panel.py" line="109"/>
        <source>Backups are made once the app has started.</source>
        <translation>程序启动后才能备份。</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/backup_panel.py" line="116"/>
        <source>{time} ({size})</source>
        <translation>{time}（{size}）</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/backup_panel.py" line="120"/>
        <source>none yet</source>
        <translation>还没有备份</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/backup_panel.py" line="129"/>
        <source>Making today&apos;s automatic backup...</source>
        <translation>正在进行今天的自动备份…</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/backup_panel.py" line="142"/>
        <source>Choose where to save the backup (e.g. a USB stick)</source>
        <translation>选择备份保存的位置（例如U盘）</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/backup_panel.py" line="152"/>
        <source>Backing up...</source>
        <translation>正在备份…</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/backup_panel.py" line="166"/>
        <source>Choose the backup to restore</source>
        <translation>选择要恢复的备份</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/backup_panel.py" line="168"/>
        <source>Backups (caseworker-*.db);;All files (*)</source>
        <translation>备份文件 (caseworker-*.db);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/backup_panel.py" line="175"/>
        <location filename="../../caseworker/ui/pages/backup_panel.py" line="190"/>
        <source>Checking the backup...</source>
        <translation>正在检查备份…</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/backup_panel.py" line="194"/>
        <location filename="../../caseworker/ui/pages/backup_panel.py" line="209"/>
        <source>Restore a backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/backup_panel.py" line="200"/>
        <source>Replace all the records on this laptop with the backup made on {time} ({households} households)?

Whatever was recorded after {time} will not be in the records: households, visits, applications, and changes not yet synced with the county. Visit forms not yet saved are kept. The records as they are now are copied beside them first, so nothing is deleted.

The app closes its window, restores the backup and opens the restored records (this may take a minute). You do not need to sign in again.</source>
        <translation>要用 {time} 的备份（共 {households} 户）替换本机现在的全部数据吗？

{time} 之后录入的内容将不在恢复后的数据中：新登记的家庭、入户调查、申请，以及尚未同步到县里的修改。尚未保存的入户调查草稿会保留。本机现在的数据会先另存一份，放在原处旁边，不会删除。

程序会关闭窗口，恢复备份，再打开恢复后的数据（可能需要一分钟）。不需要重新登录。</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/backup_panel.py" line="187"/>
        <location filename="../../caseworker/ui/pages/backup_panel.py" line="210"/>
        <source>Not restored: nothing was changed.</source>
        <translation>没有恢复，数据没有任何改变。</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/backup_panel.py" line="214"/>
        <source>Not restored (the window stayed open): nothing was changed.</source>
        <translation>没有恢复（窗口没有关闭），数据没有任何改变。</translation>
    </message>
</context>
<context>
    <name>BackupPasswordDialog</name>
    <message>
        <location filename="../../caseworker/ui/dialogs/signin.py" line="249"/>
        <source>Restore a backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/signin.py" line="252"/>
        <source>This backup was made before the password was changed. Type the password that was in use when it was made, or the recovery code kept by the county. The restored records will open with the password in use now.</source>
        <translation>这份备份是在修改密码之前做的。请输入做备份时使用的密码，或县民政局保管的恢复码。恢复后的数据用现在的密码打开。</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/signin.py" line="260"/>
        <source>Password when the backup was made</source>
        <translation>备份时的密码</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/signin.py" line="263"/>
        <source>Password then, or recovery code</source>
        <translation>备份时的密码或恢复码</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/signin.py" line="295"/>
        <source>This does not open the backup: neither its password nor the recovery code.</source>
        <translation>无法打开这份备份：输入的既不是备份时的密码，也不是恢复码。</translation>
    </message>
</context>
<context>
    <name>BackupRunner</name>
    <message>
        <location filename="../../caseworker/ui/backup_runner.py" line="168"/>
        <source>Today&apos;s backup was made at {time}.</source>
        <translation>今天的备份已完成（{time}）。</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/backup_runner.py" line="176"/>
        <source>Today&apos;s automatic backup was not made: {why}</source>
        <translation>今天的自动备份没有完成：{why}</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/backup_runner.py" line="194"/>
        <source>The backup was not made: {why}</source>
        <translation>备份没有完成：{why}</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/backup_runner.py" line="206"/>
        <source>Backed up at {time}: {households} households, {size}, saved as {path}</source>
        <translation>已备份：{time}，共 {households} 户，{size}，保存为 {path}</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/backup_runner.py" line="232"/>
        <source>This is the file of the records in use, not a backup of them.</source>
        <translation>这是正在使用的数据文件，不是备份。请选择备份文件夹中的备份。</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/backup_runner.py" line="276"/>
        <source>there is not enough room in {folder}.</source>
        <translation>{folder} 的空间不够。</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/backup_runner.py" line="279"/>
        <source>{folder} could not be written to. If it is a USB stick, check that it is plugged in and not write-protected.</source>
        <translation>无法写入 {folder}。如果是U盘，请检查是否插好、是否设置了写保护。</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/backup_runner.py" line="283"/>
        <source>the records could not be read for copying. Please try again.</source>
        <translation>读取数据时出错，请再试一次。</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/backup_runner.py" line="284"/>
        <location filename="../../caseworker/ui/backup_runner.py" line="305"/>
        <source>{sentence} {sentence_after}</source>
        <translation>{sentence}{sentence_after}</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/backup_runner.py" line="286"/>
        <source>No unfinished backup file was left behind.</source>
        <translation>没有留下不完整的备份文件。</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/backup_runner.py" line="293"/>
        <source>The file {name} is not there any more.</source>
        <translation>文件 {name} 已经不在了。</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/backup_runner.py" line="295"/>
        <source>The file {name} cannot be read as a backup of this laptop&apos;s records: it may be damaged, or made on another laptop or before the password was changed.</source>
        <translation>文件 {name} 无法作为本机数据的备份读取：可能已损坏，或是另一台电脑、或修改密码之前做的备份。</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/backup_runner.py" line="299"/>
        <source>The backup {name} is damaged and cannot be used.</source>
        <translation>备份 {name} 已损坏，不能使用。</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/backup_runner.py" line="300"/>
        <source>The file {name} is not a backup of this app&apos;s records.</source>
        <translation>文件 {name} 不是本程序数据的备份。</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/backup_runner.py" line="304"/>
        <source>The file could not be read.</source>
        <translation>无法读取这个文件。</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/backup_runner.py" line="306"/>
        <source>Nothing was changed.</source>
        <translation>数据没有任何改变。</translation>
    </message>
</context>
<context>
    <name>BenefitDialog</name>
    <message>
        <location filename="../../caseworker/ui/dialogs/benefit.py" line="37"/>
        <source>Certificate and members covered</source>
        <translation>证号及保障对象</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/benefit.py" line="40"/>
        <source>as written on the certificate</source>
        <translation>按证件上所写填写</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/benefit.py" line="42"/>
        <source>The whole household</source>
        <translation>全户纳入保障</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/benefit.py" line="57"/>
        <source>Certificate number</source>
        <translation>证件编号（低保证号）</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/benefit.py" line="61"/>
        <source>Members covered</source>
        <translation>保障对象</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/benefit.py" line="64"/>
        <source>The number of people paid for (保障人数) is the members ticked.</source>
        <translation>保障人数即勾选的成员人数。</translation>
    </message>
</context>
<context>
    <name>ChecklistView</name>
    <message>
        <location filename="../../caseworker/ui/widgets/evidence_checklist.py" line="67"/>
        <source>Document</source>
        <translation>材料</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/evidence_checklist.py" line="67"/>
        <source>Status</source>
        <translation>情况</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/evidence_checklist.py" line="67"/>
        <source>Provided by</source>
        <translation>已提供的文件</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/evidence_checklist.py" line="68"/>
        <source>Evidence checklist</source>
        <translation>材料清单</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/evidence_checklist.py" line="104"/>
        <source>missing</source>
        <translation>缺</translation>
    </message>
</context>
<context>
    <name>ConflictList</name>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_lists.py" line="186"/>
        <source>Two laptops changed the same item of a household. Check which value is right, select the row and choose. Double-click a row to open the household.</source>
        <translation>两台电脑修改了同一户的同一项。请核实哪个值正确，选中该行后选择要保留的值。双击一行可打开该户。</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_lists.py" line="190"/>
        <source>No conflicts to resolve.</source>
        <translation>没有待解决的冲突。</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_lists.py" line="191"/>
        <source>Conflicts to resolve</source>
        <translation>待解决的冲突</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_lists.py" line="194"/>
        <source>Head of household</source>
        <translation>户主</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_lists.py" line="195"/>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_lists.py" line="196"/>
        <source>County&apos;s value (in force)</source>
        <translation>县里的值（现行）</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_lists.py" line="197"/>
        <source>Other value</source>
        <translation>另一个值</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_lists.py" line="200"/>
        <source>Keep the county&apos;s value</source>
        <translation>保留县里的值</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_lists.py" line="201"/>
        <source>Use the other value</source>
        <translation>改用另一个值</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_lists.py" line="202"/>
        <source>Open the household</source>
        <translation>打开该户</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_lists.py" line="213"/>
        <source>{value} (this laptop)</source>
        <translation>{value}（本机）</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_lists.py" line="215"/>
        <source>{value} (another laptop)</source>
        <translation>{value}（另一台电脑）</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_lists.py" line="216"/>
        <source>(not on this laptop)</source>
        <translation>（本机没有这一户）</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_lists.py" line="232"/>
        <source>this household</source>
        <translation>该户</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_lists.py" line="233"/>
        <source>Set “{what}” of {head}&apos;s household to “{value}”?</source>
        <translation>把{head}家的“{what}”定为“{value}”吗？</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_lists.py" line="236"/>
        <source>Resolve the conflict</source>
        <translation>解决冲突</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_lists.py" line="241"/>
        <source>This conflict had already been settled.</source>
        <translation>这项冲突已经解决过了。</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_lists.py" line="244"/>
        <source>Decided: “{value}”. The next sync tells the county.</source>
        <translation>已定为“{value}”，下次同步时告诉县里。</translation>
    </message>
</context>
<context>
    <name>ConnectionInfo</name>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_status.py" line="51"/>
        <source>{worker} ({role})</source>
        <translation>{worker}（{role}）</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_status.py" line="58"/>
        <source>This laptop is connected to the county server.</source>
        <translation>本机已连接县级服务器。</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_status.py" line="59"/>
        <source>Server: {server}</source>
        <translation>服务器：{server}</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_status.py" line="62"/>
        <source>Connected as: {who}</source>
        <translation>使用人员：{who}</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_status.py" line="63"/>
        <source>Area: {area}</source>
        <translation>负责区域：{area}</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_status.py" line="72"/>
        <source>(not known)</source>
        <translation>（未知）</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_status.py" line="76"/>
        <source>area code {code} (its name comes with the first sync)</source>
        <translation>区划代码 {code}（第一次同步后显示名称）</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <location filename="../../caseworker/ui/pages/dashboard_page.py" line="174"/>
        <source>Likely eligible, not yet applied</source>
        <translation>可能符合条件但尚未申请</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/dashboard_page.py" line="172"/>
        <source>Reviews due</source>
        <translation>到期复核</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/dashboard_page.py" line="162"/>
        <source>Screen all households</source>
        <translation>筛查全部家庭</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/dashboard_page.py" line="163"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/dashboard_page.py" line="173"/>
        <source>Applications and their time limits</source>
        <translation>申请办理时限</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/dashboard_page.py" line="179"/>
        <source>Reviews due ({overdue} overdue, {soon} due within 30 days)</source>
        <translation>到期复核（逾期 {overdue} 户，30 天内到期 {soon} 户）</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/dashboard_page.py" line="183"/>
        <source>Application time limits ({overdue} overdue, {soon} due soon)</source>
        <translation>申请办理时限（超期 {overdue} 件，即将到期 {soon} 件）</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/dashboard_page.py" line="187"/>
        <source>Likely eligible, not yet applied ({n})</source>
        <translation>可能符合条件但尚未申请（{n}）</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/dashboard_page.py" line="272"/>
        <source>The screening stopped: {error}</source>
        <translation>筛查中断：{error}</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/dashboard_page.py" line="130"/>
        <location filename="../../caseworker/ui/pages/dashboard_page.py" line="292"/>
        <source>Counting...</source>
        <translation>正在统计…</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/dashboard_words.py" line="56"/>
        <source>{households} households in your area; {receiving} receive assistance.</source>
        <translation>辖区共 {households} 户，其中 {receiving} 户正在享受救助。</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/dashboard_page.py" line="376"/>
        <source>Households by program</source>
        <translation>各救助项目户数</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/dashboard_page.py" line="382"/>
        <location filename="../../caseworker/ui/pages/dashboard_page.py" line="388"/>
        <source>No household in your area receives assistance yet.</source>
        <translation>辖区内还没有享受救助的家庭。</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/dashboard_page.py" line="386"/>
        <source>Households receiving assistance by village (most first)</source>
        <translation>各村享受救助户数（从多到少）</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/dashboard_page.py" line="356"/>
        <source>No open applications.</source>
        <translation>暂无在办申请。</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/dashboard_page.py" line="175"/>
        <source>Documents missing</source>
        <translation>缺少证明材料</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/dashboard_page.py" line="188"/>
        <source>Applications missing documents ({n})</source>
        <translation>申请缺少证明材料（{n}户）</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/dashboard_page.py" line="249"/>
        <source>Screened {n} households; the results of {changed} are new or changed</source>
        <translation>已筛查 {n} 户，其中 {changed} 户结果有变化（含首次筛查）</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/dashboard_page.py" line="256"/>
        <source>Screening cancelled: nothing was stored</source>
        <translation>已取消筛查，未保存任何结果</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/dashboard_page.py" line="329"/>
        <source>The figures could not be counted just now. Open another page and come back to home to try again; if it keeps happening, restart the app.</source>
        <translation>首页的数字暂时没能统计出来。请打开别的页面再回到首页重试；如果一直这样，请重新打开程序。</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/dashboard_page.py" line="343"/>
        <source>No household needs a review in the next 30 days.</source>
        <translation>近期没有需要复核的家庭。</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/dashboard_page.py" line="350"/>
        <source>Open applications: {stages}</source>
        <translation>在办申请：{stages}</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/dashboard_page.py" line="354"/>
        <source>No application is overdue or due within 5 working days.</source>
        <translation>没有超期或 5 个工作日内到期的申请。</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/dashboard_page.py" line="360"/>
        <source>The last screening found no household likely eligible that has not applied.</source>
        <translation>最近一次筛查没有发现可能符合条件但尚未申请的家庭。</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/dashboard_page.py" line="364"/>
        <source>No household has been screened yet. Press “Screen all households” above: those likely eligible but not yet applied will be listed here.</source>
        <translation>还没有筛查过。点右上方的“筛查全部家庭”，可能符合条件但尚未申请的家庭会列在这里。</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/dashboard_words.py" line="140"/>
        <source>{head}: {program}</source>
        <translation>{head}：{program}</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/dashboard_page.py" line="373"/>
        <source>No application under way lacks a document.</source>
        <translation>正在办理的申请都不缺证明材料。</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/dashboard_words.py" line="61"/>
        <source>this laptop has never synced with the county</source>
        <translation>本机还没有与县里同步过</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/dashboard_words.py" line="63"/>
        <source>this laptop last synced {time}</source>
        <translation>本机上次同步：{time}</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/dashboard_words.py" line="68"/>
        <source>No changes in your area are waiting to be synced; {synced}.</source>
        <translation>辖区没有等待同步的修改；{synced}。</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/dashboard_words.py" line="74"/>
        <source>{n} households in your area have changes not yet synced with the county ({refused} refused by the county: see Sync); {synced}.</source>
        <translation>辖区有 {n} 户的修改尚未同步到县里（其中 {refused} 户被县里退回，请到“同步”页查看）；{synced}。</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/dashboard_words.py" line="82"/>
        <source>{n} households in your area have changes not yet synced with the county; {synced}.</source>
        <translation>辖区有 {n} 户的修改尚未同步到县里；{synced}。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../caseworker/ui/pages/dashboard_words.py" line="39"/>
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n 天</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../caseworker/ui/pages/dashboard_words.py" line="42"/>
        <location filename="../../caseworker/ui/pages/dashboard_words.py" line="47"/>
        <source>%n month(s)</source>
        <translation>
            <numerusform>%n 个月</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../caseworker/ui/pages/dashboard_words.py" line="44"/>
        <location filename="../../caseworker/ui/pages/dashboard_words.py" line="46"/>
        <source>%n year(s)</source>
        <translation>
            <numerusform>%n 年</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/dashboard_words.py" line="45"/>
        <source>{years} {months}</source>
        <translation>{years} {months}</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/dashboard_words.py" line="94"/>
        <source>OVERDUE by {time}</source>
        <translation>已逾期 {time}</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/dashboard_words.py" line="98"/>
        <source>due today</source>
        <translation>今天到期</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/dashboard_words.py" line="100"/>
        <source>due in {time}</source>
        <translation>{time}后到期</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/dashboard_words.py" line="103"/>
        <source>{head} — {when}
review due {day}</source>
        <translation>{head} — {when}
应于 {day} 复核</translation>
    </message>
    <message numerus="yes">
        <location filename="../../caseworker/ui/pages/dashboard_words.py" line="112"/>
        <source>OVERDUE by %n working day(s)</source>
        <translation>
            <numerusform>已超期 %n 个工作日</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/dashboard_words.py" line="116"/>
        <source>{when}, past the 45-working-day maximum</source>
        <translation>{when}（超过最长时限）</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/dashboard_words.py" line="120"/>
        <source>time limit reached today</source>
        <translation>今天到期</translation>
    </message>
    <message numerus="yes">
        <location filename="../../caseworker/ui/pages/dashboard_words.py" line="122"/>
        <source>%n working day(s) left</source>
        <translation>
            <numerusform>还剩 %n 个工作日</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/dashboard_words.py" line="124"/>
        <source>{when} (estimated)</source>
        <translation>{when}（估算）</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/dashboard_words.py" line="126"/>
        <source>{head} — {when}
{program}, applied {day}, now at {stage}</source>
        <translation>{head} — {when}
{program}，{day} 申请，现处于{stage}环节</translation>
    </message>
    <message numerus="yes">
        <location filename="../../caseworker/ui/pages/dashboard_words.py" line="150"/>
        <source>{head} — %n document(s) missing
{what}</source>
        <translation>
            <numerusform>{head} — 缺%n份材料
{what}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EligibilityPanel</name>
    <message>
        <location filename="../../caseworker/ui/widgets/eligibility_panel.py" line="210"/>
        <source>Documents still needed</source>
        <translation>需补充材料</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/eligibility_panel.py" line="231"/>
        <source>No screening yet.</source>
        <translation>尚未筛查。</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/eligibility_panel.py" line="236"/>
        <source>&lt;b&gt;Eligibility&lt;/b&gt; on {day}, under the county&apos;s policy ({version})</source>
        <translation>&lt;b&gt;救助资格筛查&lt;/b&gt;：{day}，按本县政策（{version}版）</translation>
    </message>
</context>
<context>
    <name>EnrollmentForm</name>
    <message>
        <location filename="../../caseworker/ui/widgets/enrollment_form.py" line="56"/>
        <source>County server address</source>
        <translation>县级服务器地址</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/enrollment_form.py" line="59"/>
        <source>As on the enrollment sheet, for example https://caseworker.county.local:8765</source>
        <translation>按注册单填写，例如 https://caseworker.county.local:8765</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/enrollment_form.py" line="65"/>
        <source>Enrollment code</source>
        <translation>注册码</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/enrollment_form.py" line="68"/>
        <source>The one-time code from the county (valid 72 hours). Capital or small letters, dashes and spaces do not matter.</source>
        <translation>县民政局给的一次性注册码（72 小时内有效）。字母大小写、短横线和空格都可以。</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/enrollment_form.py" line="74"/>
        <source>Certificate fingerprint</source>
        <translation>证书指纹</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/enrollment_form.py" line="77"/>
        <source>The 64 digits and letters A to F after “server certificate pin” on the sheet; colons, spaces and capitals do not matter. Leave it empty only when the county says so.</source>
        <translation>注册单上“服务器证书指纹”后面的 64 位数字和字母（A～F）；冒号、空格、大小写都可以。只有县里说明不需要时才可以不填。</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/enrollment_form.py" line="112"/>
        <source>Fill in what is on the enrollment sheet the county civil affairs bureau gave you, then press Connect. This is needed once per laptop.</source>
        <translation>请按县民政局给您的注册单填写以下内容，然后点“连接”。每台电脑只需要做一次。</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/enrollment_form.py" line="118"/>
        <source>Connect</source>
        <translation>连接</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/enrollment_form.py" line="119"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/enrollment_form.py" line="120"/>
        <source>Connecting to the county server…</source>
        <translation>正在连接县级服务器…</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/enrollment_form.py" line="147"/>
        <source>Fill in the server address from the enrollment sheet.</source>
        <translation>请填写注册单上的服务器地址。</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/enrollment_form.py" line="151"/>
        <source>The address cannot contain spaces.</source>
        <translation>地址中不能有空格。</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/enrollment_form.py" line="164"/>
        <source>This is not a server address. Type it as on the enrollment sheet.</source>
        <translation>这不是服务器地址。请按注册单上的地址填写。</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/enrollment_form.py" line="172"/>
        <source>The address must begin with https:// (as on the enrollment sheet from the county).</source>
        <translation>地址必须以 https:// 开头（与县里给的注册单一致）。</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/enrollment_form.py" line="182"/>
        <source>Fill in the enrollment code.</source>
        <translation>请填写注册码。</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/enrollment_form.py" line="189"/>
        <source>This does not look like an enrollment code. Check it against the sheet.</source>
        <translation>这不像是注册码，请对照注册单核对。</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/enrollment_form.py" line="204"/>
        <source>An address beginning with http:// has no certificate: leave this empty.</source>
        <translation>以 http:// 开头的地址没有证书，这一项请不要填写。</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/enrollment_form.py" line="214"/>
        <source>A fingerprint has 64 characters; this one has {n}. Check it against the sheet.</source>
        <translation>证书指纹应为 64 位，现在填写的是 {n} 位。请对照注册单核对。</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/enrollment_form.py" line="221"/>
        <source>A fingerprint has only the digits 0 to 9 and the letters A to F. Check it against the sheet.</source>
        <translation>证书指纹只包含数字 0～9 和字母 A～F。请对照注册单核对。</translation>
    </message>
</context>
<context>
    <name>ErrorHook</name>
    <message>
        <location filename="../../caseworker/ui/error_hook.py" line="28"/>
        <source>Not done</source>
        <translation>未能完成</translation>
    </message>
</context>
<context>
    <name>EvidenceTab</name>
    <message>
        <location filename="../../caseworker/ui/pages/evidence_tab.py" line="163"/>
        <source>Add files…</source>
        <translation>添加文件…</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/evidence_tab.py" line="164"/>
        <source>Paste</source>
        <translation>粘贴</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/evidence_tab.py" line="165"/>
        <source>View</source>
        <translation>查看</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/evidence_tab.py" line="166"/>
        <source>Remove…</source>
        <translation>移除…</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/evidence_tab.py" line="170"/>
        <source>Show removed</source>
        <translation>显示已移除</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/evidence_tab.py" line="171"/>
        <source>Reading files…</source>
        <translation>正在读取文件…</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/evidence_tab.py" line="173"/>
        <source>Drag files here or paste with Ctrl+V; double-click one to see it full size.</source>
        <translation>可将文件拖到这里，或按 Ctrl+V 粘贴；双击查看大图。</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/evidence_tab.py" line="175"/>
        <source>Evidence files</source>
        <translation>证明材料文件</translation>
    </message>
    <message numerus="yes">
        <location filename="../../caseworker/ui/pages/evidence_tab.py" line="212"/>
        <source>PDF, %n page(s)</source>
        <translation>
            <numerusform>PDF，%n页</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/evidence_tab.py" line="217"/>
        <source>Removed by {who} on {day}: {why}</source>
        <translation>已移除：{who}，{day}，原因：{why}</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/evidence_tab.py" line="254"/>
        <source>{kind} ({n})</source>
        <translation>{kind}（{n}份）</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/evidence_tab.py" line="259"/>
        <source>Removed ({n})</source>
        <translation>已移除（{n}份）</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/evidence_tab.py" line="264"/>
        <source>No evidence attached yet.</source>
        <translation>还没有添加证明材料。</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/evidence_tab.py" line="283"/>
        <source>No application under way needs documents from this household.</source>
        <translation>本户没有正在办理、需要核对材料的申请。</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/evidence_tab.py" line="331"/>
        <source>Add evidence</source>
        <translation>添加证明材料</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/evidence_tab.py" line="333"/>
        <source>Photos and scans ({patterns})</source>
        <translation>照片和扫描件（{patterns}）</translation>
    </message>
    <message numerus="yes">
        <location filename="../../caseworker/ui/pages/evidence_tab.py" line="390"/>
        <source>None of the %n files chosen was added. Add the others again without this one.</source>
        <translation>
            <numerusform>所选的%n个文件都没有添加。请去掉这个文件，重新添加其他文件。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/evidence_tab.py" line="394"/>
        <source>Not added</source>
        <translation>未添加</translation>
    </message>
</context>
<context>
    <name>EvidenceViewer</name>
    <message>
        <location filename="../../caseworker/ui/dialogs/evidence_viewer.py" line="97"/>
        <source>Evidence</source>
        <translation>证明材料</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/evidence_viewer.py" line="99"/>
        <source>◀ Previous</source>
        <translation>◀ 上一份</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/evidence_viewer.py" line="100"/>
        <source>Next ▶</source>
        <translation>下一份 ▶</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/evidence_viewer.py" line="101"/>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/evidence_viewer.py" line="102"/>
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/evidence_viewer.py" line="103"/>
        <source>Fit</source>
        <translation>适合窗口</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/evidence_viewer.py" line="104"/>
        <source>Turn left</source>
        <translation>向左转</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/evidence_viewer.py" line="105"/>
        <source>Turn right</source>
        <translation>向右转</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/evidence_viewer.py" line="106"/>
        <source>Save a copy…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/evidence_viewer.py" line="143"/>
        <source>This file has not arrived from the county yet.</source>
        <translation>这份文件还没有从县里同步过来。</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/evidence_viewer.py" line="145"/>
        <source>This picture cannot be shown.</source>
        <translation>这张图片无法显示。</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/evidence_viewer.py" line="147"/>
        <source>To keep the file private it is not opened in another program; save a copy to read or print it.</source>
        <translation>为保护隐私，不在其他程序中打开；需要阅读或打印时请“导出…”保存一份。</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/evidence_viewer.py" line="196"/>
        <source>Save a copy</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/evidence_viewer.py" line="198"/>
        <source>Files (*{suffix})</source>
        <translation>文件（*{suffix}）</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/evidence_viewer.py" line="208"/>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/evidence_viewer.py" line="209"/>
        <source>The copy could not be written: {error}</source>
        <translation>无法写入导出的文件：{error}</translation>
    </message>
</context>
<context>
    <name>FileMenu</name>
    <message>
        <location filename="../../caseworker/ui/file_menu.py" line="42"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/file_menu.py" line="43"/>
        <source>Import spreadsheet...</source>
        <translation>导入表格…</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/file_menu.py" line="44"/>
        <source>Reports (spreadsheets)...</source>
        <translation>报表（表格）…</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/file_menu.py" line="53"/>
        <source>Import spreadsheet</source>
        <translation>导入表格</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/file_menu.py" line="54"/>
        <source>Spreadsheets (*.xlsx *.xls *.csv)</source>
        <translation>表格文件 (*.xlsx *.xls *.csv)</translation>
    </message>
</context>
<context>
    <name>FindingCard</name>
    <message>
        <location filename="../../caseworker/ui/widgets/eligibility_panel.py" line="103"/>
        <source>To collect: {what}</source>
        <translation>需补充：{what}</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/eligibility_panel.py" line="116"/>
        <source>By the local rules the amount comes to 0.00 yuan (see the calculation above), so an application would bring the household nothing now.</source>
        <translation>按本地政策计算，金额为0.00元（见上方计算），目前申请不会给这户带来救助，暂不建议申请。</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/eligibility_panel.py" line="124"/>
        <source>Start an application</source>
        <translation>发起申请</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/eligibility_panel.py" line="134"/>
        <source>Basis</source>
        <translation>依据</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/eligibility_panel.py" line="156"/>
        <source>About {amount} a month</source>
        <translation>约每月 {amount}</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/eligibility_panel.py" line="158"/>
        <source>About {amount} once</source>
        <translation>一次性约 {amount}</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <location filename="../../caseworker/ui/dialogs/first_run.py" line="38"/>
        <source>Welcome to Caseworker</source>
        <translation>欢迎使用社会救助专干助手</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/first_run.py" line="44"/>
        <source>Who will use this laptop? This is asked once.</source>
        <translation>请设置本机使用人员（仅首次使用时设置）。</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/first_run.py" line="46"/>
        <source>Your name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/first_run.py" line="47"/>
        <source>Your role</source>
        <translation>岗位</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/first_run.py" line="48"/>
        <source>Your area</source>
        <translation>负责区域</translation>
    </message>
</context>
<context>
    <name>GuardedDialog</name>
    <message>
        <location filename="../../caseworker/ui/widgets/guarded.py" line="76"/>
        <source>Discard what you typed?</source>
        <translation>放弃已填写的内容？</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/guarded.py" line="77"/>
        <source>What you typed here has not been saved. Close and discard it?</source>
        <translation>这里填写的内容尚未保存。关闭并放弃吗？</translation>
    </message>
</context>
<context>
    <name>HouseholdInfoDialog</name>
    <message>
        <location filename="../../caseworker/ui/dialogs/household_info.py" line="47"/>
        <source>Household details</source>
        <translation>家庭基本信息</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/household_info.py" line="49"/>
        <source>Not known</source>
        <translation>不详</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/household_info.py" line="53"/>
        <location filename="../../caseworker/ui/dialogs/household_info.py" line="62"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/household_info.py" line="53"/>
        <location filename="../../caseworker/ui/dialogs/household_info.py" line="62"/>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/household_info.py" line="65"/>
        <source>The family is in an emergency</source>
        <translation>家庭遭遇急难情况</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/household_info.py" line="117"/>
        <source>e.g. the county&apos;s rural credit cooperative</source>
        <translation>如：本县农村信用合作联社（农商银行）</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/household_info.py" line="120"/>
        <source>optional: 3 digits, or the 12-digit branch number</source>
        <translation>可不填：3位银行代码，或12位联行号</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/household_info.py" line="124"/>
        <source>digits only</source>
        <translation>只填数字</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/household_info.py" line="76"/>
        <source>Address</source>
        <translation>住址</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/household_info.py" line="77"/>
        <source>Hukou</source>
        <translation>户籍</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/household_info.py" line="78"/>
        <source>Local resident</source>
        <translation>本地户籍</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/household_info.py" line="79"/>
        <source>Registered-poor status</source>
        <translation>建档立卡情况</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/household_info.py" line="80"/>
        <source>Shook off poverty on</source>
        <translation>脱贫日期</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/household_info.py" line="81"/>
        <source>Relative of a cadre or caseworker</source>
        <translation>村干部或经办人员近亲属</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/household_info.py" line="82"/>
        <source>Emergency</source>
        <translation>急难情况</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/household_info.py" line="83"/>
        <source>Emergency date</source>
        <translation>发生日期</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/household_info.py" line="84"/>
        <source>What happened</source>
        <translation>情况说明</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/household_info.py" line="85"/>
        <source>Bank paid through</source>
        <translation>开户银行</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/household_info.py" line="86"/>
        <source>Bank code</source>
        <translation>银行代码（联行号）</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/household_info.py" line="87"/>
        <source>Account holder</source>
        <translation>账户名称</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/household_info.py" line="88"/>
        <source>Account number</source>
        <translation>银行账号</translation>
    </message>
</context>
<context>
    <name>HouseholdPage</name>
    <message>
        <location filename="../../caseworker/ui/pages/household_actions.py" line="65"/>
        <location filename="../../caseworker/ui/pages/household_page.py" line="89"/>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/household_tabs.py" line="137"/>
        <source>Members</source>
        <translation>家庭成员</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/household_tabs.py" line="182"/>
        <source>Property</source>
        <translation>财产</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/household_tabs.py" line="200"/>
        <source>Expenses</source>
        <translation>支出</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/household_tabs.py" line="218"/>
        <source>Legal supporters</source>
        <translation>法定赡养人</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/household_tabs.py" line="239"/>
        <source>Visits</source>
        <translation>入户调查</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/household_tabs.py" line="268"/>
        <source>Benefits</source>
        <translation>享受待遇</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/household_tabs.py" line="305"/>
        <source>Applications</source>
        <translation>申请</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/household_page.py" line="191"/>
        <source>Evidence</source>
        <translation>证明材料</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/household_tabs.py" line="334"/>
        <source>Stages of the application</source>
        <translation>申请办理环节</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/household_actions.py" line="84"/>
        <location filename="../../caseworker/ui/pages/household_tabs.py" line="165"/>
        <source>Add member</source>
        <translation>添加成员</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/household_actions.py" line="86"/>
        <location filename="../../caseworker/ui/pages/household_tabs.py" line="170"/>
        <source>Edit member</source>
        <translation>编辑成员</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/household_actions.py" line="106"/>
        <location filename="../../caseworker/ui/pages/household_actions.py" line="118"/>
        <location filename="../../caseworker/ui/pages/household_actions.py" line="121"/>
        <location filename="../../caseworker/ui/pages/household_tabs.py" line="175"/>
        <source>Remove member</source>
        <translation>删除成员</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/household_actions.py" line="146"/>
        <location filename="../../caseworker/ui/pages/household_tabs.py" line="192"/>
        <source>Edit property</source>
        <translation>编辑财产</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/household_actions.py" line="158"/>
        <location filename="../../caseworker/ui/pages/household_tabs.py" line="210"/>
        <source>Edit expenses</source>
        <translation>编辑支出</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/household_actions.py" line="170"/>
        <location filename="../../caseworker/ui/pages/household_tabs.py" line="231"/>
        <source>Edit legal supporters</source>
        <translation>编辑法定赡养人</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/household_tabs.py" line="261"/>
        <source>New visit (Ctrl+N)</source>
        <translation>新建入户调查（Ctrl+N）</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/household_tabs.py" line="319"/>
        <source>New application</source>
        <translation>新建申请</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/household_tabs.py" line="293"/>
        <source>Start a review</source>
        <translation>发起复核</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/household_tabs.py" line="298"/>
        <source>Certificate and members covered</source>
        <translation>证号及保障对象</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/household_tabs.py" line="324"/>
        <source>Next stage</source>
        <translation>进入下一环节</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/household_actions.py" line="200"/>
        <location filename="../../caseworker/ui/pages/household_page.py" line="193"/>
        <source>Edit household details</source>
        <translation>编辑家庭基本信息</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/household_page.py" line="194"/>
        <source>Sign the authorisation</source>
        <translation>授权书签字</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/household_page.py" line="195"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/household_page.py" line="196"/>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/household_actions.py" line="173"/>
        <location filename="../../caseworker/ui/pages/household_tabs.py" line="139"/>
        <location filename="../../caseworker/ui/pages/household_tabs.py" line="221"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/household_actions.py" line="172"/>
        <location filename="../../caseworker/ui/pages/household_tabs.py" line="140"/>
        <location filename="../../caseworker/ui/pages/household_tabs.py" line="220"/>
        <source>Relation</source>
        <translation>关系</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/household_tabs.py" line="142"/>
        <source>Age</source>
        <translation>年龄</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/household_tabs.py" line="145"/>
        <source>Sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/household_tabs.py" line="147"/>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/household_tabs.py" line="150"/>
        <source>Labour capacity</source>
        <translation>劳动能力</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/household_tabs.py" line="153"/>
        <source>Disability</source>
        <translation>残疾情况</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/household_tabs.py" line="154"/>
        <source>Serious illness</source>
        <translation>重病情况</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/household_tabs.py" line="156"/>
        <source>Employment</source>
        <translation>就业状况</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/household_tabs.py" line="159"/>
        <source>Monthly income</source>
        <translation>月收入</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/household_actions.py" line="148"/>
        <location filename="../../caseworker/ui/pages/household_actions.py" line="160"/>
        <location filename="../../caseworker/ui/pages/household_tabs.py" line="184"/>
        <location filename="../../caseworker/ui/pages/household_tabs.py" line="202"/>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/household_tabs.py" line="185"/>
        <source>Value</source>
        <translation>价值</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/household_actions.py" line="150"/>
        <location filename="../../caseworker/ui/pages/household_tabs.py" line="186"/>
        <source>Count</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/household_tabs.py" line="203"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/household_actions.py" line="162"/>
        <location filename="../../caseworker/ui/pages/household_tabs.py" line="204"/>
        <location filename="../../caseworker/ui/pages/household_tabs.py" line="241"/>
        <location filename="../../caseworker/ui/pages/household_tabs.py" line="337"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/household_actions.py" line="174"/>
        <location filename="../../caseworker/ui/pages/household_tabs.py" line="223"/>
        <source>Able to support</source>
        <translation>有无赡养能力</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/household_tabs.py" line="225"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/household_tabs.py" line="242"/>
        <source>Purpose</source>
        <translation>调查目的</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/household_tabs.py" line="244"/>
        <source>Investigators</source>
        <translation>调查人员</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/household_tabs.py" line="247"/>
        <source>Conclusion</source>
        <translation>调查结论</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/household_tabs.py" line="249"/>
        <source>Signed</source>
        <translation>签字</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/household_tabs.py" line="270"/>
        <location filename="../../caseworker/ui/pages/household_tabs.py" line="307"/>
        <source>Program</source>
        <translation>救助项目</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/household_tabs.py" line="271"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/household_tabs.py" line="273"/>
        <source>Per month</source>
        <translation>每月金额</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/household_tabs.py" line="275"/>
        <source>Since</source>
        <translation>起始日期</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/household_tabs.py" line="277"/>
        <source>Gradual exit until</source>
        <translation>渐退截止</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/household_tabs.py" line="281"/>
        <source>People covered</source>
        <translation>保障人数</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/household_tabs.py" line="285"/>
        <source>Certificate number</source>
        <translation>证件编号（低保证号）</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/household_tabs.py" line="308"/>
        <location filename="../../caseworker/ui/pages/household_tabs.py" line="336"/>
        <source>Stage</source>
        <translation>办理环节</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/household_tabs.py" line="310"/>
        <source>Applied on</source>
        <translation>申请日期</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/household_tabs.py" line="313"/>
        <source>Time limit</source>
        <translation>办理时限</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/household_tabs.py" line="338"/>
        <source>Done by</source>
        <translation>经办人</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/household_tabs.py" line="339"/>
        <source>Opinion</source>
        <translation>意见</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/household_facts.py" line="16"/>
        <location filename="../../caseworker/ui/pages/household_tabs.py" line="26"/>
        <source>not known</source>
        <translation>不详</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/household_page.py" line="203"/>
        <source>(no head)</source>
        <translation>（未指定户主）</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/household_tabs.py" line="78"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/household_tabs.py" line="78"/>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/household_facts.py" line="23"/>
        <source>Address: {value}</source>
        <translation>住址：{value}</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/household_facts.py" line="24"/>
        <source>Hukou: {value}</source>
        <translation>户籍：{value}</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/household_facts.py" line="25"/>
        <source>Local resident: {value}</source>
        <translation>本地户籍：{value}</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/household_facts.py" line="26"/>
        <source>Registered poor: {value}</source>
        <translation>建档立卡：{value}</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/household_facts.py" line="30"/>
        <source>Emergency: {kind} on {day}</source>
        <translation>急难情况：{kind}（{day}）</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/household_facts.py" line="36"/>
        <source>Relative of a cadre or caseworker (registered separately)</source>
        <translation>村干部或经办人员近亲属（单独备案）</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/household_facts.py" line="42"/>
        <source>Paid into: {bank}, account ending {last4} ({holder})</source>
        <translation>发放账户：{bank}，账号尾号{last4}（户名：{holder}）</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/household_facts.py" line="51"/>
        <source>Payment account: not recorded</source>
        <translation>发放账户：未登记</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/household_tabs.py" line="196"/>
        <source>Property not recorded</source>
        <translation>尚未登记财产</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/household_tabs.py" line="214"/>
        <source>Expenses not recorded</source>
        <translation>尚未登记支出</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/household_tabs.py" line="235"/>
        <source>Legal supporters not recorded</source>
        <translation>尚未登记法定赡养人</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/household_tabs.py" line="251"/>
        <source>signed</source>
        <translation>已签字</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/household_tabs.py" line="253"/>
        <source>not signed</source>
        <translation>未签字</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/household_tabs.py" line="108"/>
        <source>past the 45-working-day limit</source>
        <translation>已超45个工作日时限</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/household_tabs.py" line="110"/>
        <source>overdue (30 working days), at the latest {day}</source>
        <translation>已超30个工作日，最迟 {day}</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/household_tabs.py" line="114"/>
        <source>due by {day}</source>
        <translation>应于 {day} 前办结</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/household_tabs.py" line="116"/>
        <source>{limit} (estimated: that year&apos;s official holidays are not known yet)</source>
        <translation>{limit}（估算：该年度的法定节假日安排尚未公布）</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/household_tabs.py" line="86"/>
        <source> grade {grade}</source>
        <translation>{grade}级</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/household_tabs.py" line="93"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/household_actions.py" line="107"/>
        <source>{name} is one of the members {program} covers. Change the members covered on the Benefits tab first (a change the township and county must agree to).</source>
        <translation>{name}是{program}的保障对象之一。请先在“享受待遇”页修改保障对象（此项变更须经乡镇审核、县级审批）。</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/household_actions.py" line="115"/>
        <source>Remove {name} from the household?</source>
        <translation>确定将{name}从本户中删除吗？</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/household_actions.py" line="149"/>
        <source>Value (yuan)</source>
        <translation>价值（元）</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/household_actions.py" line="152"/>
        <source>Property recorded</source>
        <translation>已登记财产</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/household_actions.py" line="161"/>
        <source>Amount (yuan)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/household_actions.py" line="164"/>
        <source>Expenses recorded</source>
        <translation>已登记支出</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/household_actions.py" line="175"/>
        <source>Why not</source>
        <translation>无法赡养原因</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/household_actions.py" line="177"/>
        <source>Legal supporters recorded</source>
        <translation>已登记法定赡养人</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/household_actions.py" line="189"/>
        <source>Edit certificate and members covered</source>
        <translation>修改证号及保障对象</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/household_actions.py" line="238"/>
        <source>Not for this worker</source>
        <translation>不属于本人办理的环节</translation>
    </message>
</context>
<context>
    <name>HouseholdTableModel</name>
    <message>
        <location filename="../../caseworker/ui/models/household_table.py" line="138"/>
        <source>Head of household</source>
        <translation>户主</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/models/household_table.py" line="139"/>
        <source>Members</source>
        <translation>家庭成员</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/models/household_table.py" line="140"/>
        <source>Village</source>
        <translation>村（社区）</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/models/household_table.py" line="141"/>
        <source>Address</source>
        <translation>住址</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/models/household_table.py" line="142"/>
        <source>Hukou</source>
        <translation>户籍</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/models/household_table.py" line="143"/>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
</context>
<context>
    <name>HouseholdsPage</name>
    <message>
        <location filename="../../caseworker/ui/pages/households_page.py" line="112"/>
        <source>Register a household (Ctrl+N)</source>
        <translation>新建家庭（Ctrl+N）</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/households_page.py" line="114"/>
        <source>A household that comes to apply: enter the head and members</source>
        <translation>前来申请的家庭：录入户主和家庭成员</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/households_page.py" line="116"/>
        <source>Likely eligible, not applied</source>
        <translation>可能符合条件未申请</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/households_page.py" line="118"/>
        <source>Search: name, pinyin initials (zxl) or part of an ID number</source>
        <translation>搜索：姓名、拼音首字母（如 zxl）或身份证号片段</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/households_page.py" line="120"/>
        <source>Search households</source>
        <translation>搜索家庭</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/households_page.py" line="121"/>
        <source>Households</source>
        <translation>家庭列表</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/households_page.py" line="123"/>
        <source>All programs</source>
        <translation>全部救助项目</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/households_page.py" line="124"/>
        <source>All stages</source>
        <translation>全部办理环节</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/households_page.py" line="125"/>
        <source>All villages</source>
        <translation>全部村（社区）</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/households_page.py" line="164"/>
        <source>At least {n} households: type more to narrow the search</source>
        <translation>至少 {n} 户，请继续输入以缩小范围</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/households_page.py" line="166"/>
        <source>{n} households</source>
        <translation>共 {n} 户</translation>
    </message>
</context>
<context>
    <name>ImportSheetDialog</name>
    <message>
        <location filename="../../caseworker/ui/dialogs/import_sheet.py" line="98"/>
        <source>Import a spreadsheet</source>
        <translation>导入表格</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/import_sheet.py" line="99"/>
        <source>Village of households without a village column</source>
        <translation>表中无“村”列时各户所在的村（社区）</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/import_sheet.py" line="102"/>
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/import_sheet.py" line="103"/>
        <source>Head</source>
        <translation>户主</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/import_sheet.py" line="104"/>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/import_sheet.py" line="105"/>
        <source>Members</source>
        <translation>人数</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/import_sheet.py" line="106"/>
        <source>Village</source>
        <translation>所在村（社区）</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/import_sheet.py" line="107"/>
        <source>Address</source>
        <translation>家庭住址</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/import_sheet.py" line="108"/>
        <source>Hukou</source>
        <translation>户籍类型</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/import_sheet.py" line="109"/>
        <source>Benefit</source>
        <translation>保障</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/import_sheet.py" line="110"/>
        <source>Paid into</source>
        <translation>发放账户</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/import_sheet.py" line="114"/>
        <source>I have checked: these are different people; import them as they are</source>
        <translation>已核实：以上不是同一人，照常导入</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/import_sheet.py" line="116"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/import_sheet.py" line="120"/>
        <source>(the sheet says)</source>
        <translation>（按表中所填）</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/import_sheet.py" line="131"/>
        <source>Reading %1 ...</source>
        <translation>正在读取%1……</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/import_sheet.py" line="166"/>
        <source>%1, sheet “%2”, header in row %3: %4 household(s)</source>
        <translation>%1，工作表“%2”，表头在第%3行：共%4户</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/import_sheet.py" line="174"/>
        <source>Encoding: %1</source>
        <translation>文件编码：%1</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/import_sheet.py" line="176"/>
        <source>chosen from the headers</source>
        <translation>（按表头自动选择）</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/import_sheet.py" line="177"/>
        <source>Mapping: %1 %2</source>
        <translation>对照表：%1%2</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/import_sheet.py" line="180"/>
        <source>Columns not imported: %1</source>
        <translation>不导入的列：%1</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/import_sheet.py" line="187"/>
        <source>%1 problem(s): correct the sheet and open it again</source>
        <translation>%1处问题：请改正表格后重新打开</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/import_sheet.py" line="191"/>
        <source> (the first %1 are listed)</source>
        <translation>（列出前%1处）</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/import_sheet.py" line="196"/>
        <source>No problems found</source>
        <translation>未发现问题</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/import_sheet.py" line="200"/>
        <source>Possible duplicates to confirm: %1</source>
        <translation>疑似重复，请核实：%1处</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/import_sheet.py" line="272"/>
        <source>Imported: %1 household(s) added</source>
        <translation>导入完成：新增%1户</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../caseworker/ui/main_window.py" line="269"/>
        <source>Caseworker - social assistance</source>
        <translation>社会救助专干助手</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/main_window.py" line="270"/>
        <source>Open a household from the list.</source>
        <translation>请从家庭列表中打开一户。</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/main_window.py" line="272"/>
        <source>Demo store: not encrypted, for demonstration only</source>
        <translation>演示数据库：未加密，只能用于演示</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/main_window.py" line="275"/>
        <source>These records are not protected by a password. Real households must be kept only in a store that a password protects.</source>
        <translation>这些记录没有密码保护。真实家庭的信息只能保存在设置了密码的数据库中。</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/main_window.py" line="410"/>
        <source>Visit saved.</source>
        <translation>入户调查已保存。</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/main_window.py" line="430"/>
        <source>Sync in progress</source>
        <translation>正在同步</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/main_window.py" line="432"/>
        <source>A sync with the county is under way. What was sent is kept either way; quit now and sync the rest next time?</source>
        <translation>正在与县里同步。已经发送的内容都会保留；现在退出，其余的下次再同步吗？</translation>
    </message>
</context>
<context>
    <name>MemberDialog</name>
    <message>
        <location filename="../../caseworker/ui/dialogs/member.py" line="165"/>
        <source>Household member</source>
        <translation>家庭成员</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/member.py" line="103"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/member.py" line="104"/>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/member.py" line="105"/>
        <source>Relation to head</source>
        <translation>与户主关系</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/member.py" line="106"/>
        <source>Labour capacity</source>
        <translation>劳动能力</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/member.py" line="107"/>
        <source>Disability</source>
        <translation>残疾情况</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/member.py" line="109"/>
        <source>Disability grade</source>
        <translation>残疾等级</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/member.py" line="111"/>
        <source>Serious illness</source>
        <translation>重病情况</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/member.py" line="114"/>
        <source>Daily activities impossible (of 6)</source>
        <translation>不能自理的日常活动项数（共6项）</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/member.py" line="117"/>
        <source>Employment</source>
        <translation>就业状况</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/member.py" line="95"/>
        <source>In school</source>
        <translation>是否在校</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/member.py" line="96"/>
        <source>Orphan</source>
        <translation>是否孤儿</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/member.py" line="97"/>
        <source>De facto unsupported child</source>
        <translation>事实无人抚养儿童</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/member.py" line="98"/>
        <source>Returned to work</source>
        <translation>是否返岗就业</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/member.py" line="170"/>
        <source>Not known</source>
        <translation>不详</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/member.py" line="173"/>
        <source>Choose...</source>
        <translation>请选择…</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/member.py" line="175"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/member.py" line="175"/>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/member.py" line="177"/>
        <source>No grade</source>
        <translation>无等级</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/member.py" line="179"/>
        <source>Has a serious illness:</source>
        <translation>患有重病：</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/member.py" line="180"/>
        <source>Monthly income</source>
        <translation>月收入</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/member.py" line="182"/>
        <source>Incomes recorded</source>
        <translation>已登记收入</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/member.py" line="183"/>
        <source>Add income</source>
        <translation>添加收入</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/member.py" line="184"/>
        <source>Remove income</source>
        <translation>删除收入</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/member.py" line="185"/>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/member.py" line="185"/>
        <source>Yuan per month</source>
        <translation>每月金额（元）</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/member.py" line="278"/>
        <source>Born {date}, {sex}, {age} years old</source>
        <translation>出生日期 {date}，{sex}，{age}岁</translation>
    </message>
</context>
<context>
    <name>NewPasswordDialog</name>
    <message>
        <location filename="../../caseworker/ui/dialogs/signin.py" line="132"/>
        <source>Set a password</source>
        <translation>设置密码</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/signin.py" line="140"/>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/signin.py" line="141"/>
        <source>Again</source>
        <translation>再次输入</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/signin.py" line="157"/>
        <source>A password needs at least {n} characters.</source>
        <translation>密码至少需要{n}位。</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/signin.py" line="160"/>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>PageList</name>
    <message>
        <location filename="../../caseworker/ui/page_list.py" line="38"/>
        <source>Home</source>
        <translation>首页</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/page_list.py" line="39"/>
        <source>Households</source>
        <translation>家庭</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/page_list.py" line="40"/>
        <source>Household</source>
        <translation>家庭详情</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/page_list.py" line="41"/>
        <source>Print centre</source>
        <translation>打印中心</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/page_list.py" line="42"/>
        <source>Policy</source>
        <translation>政策</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/page_list.py" line="43"/>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/page_list.py" line="44"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/page_list.py" line="52"/>
        <source>Pages</source>
        <translation>页面</translation>
    </message>
</context>
<context>
    <name>ParameterHistory</name>
    <message>
        <location filename="../../caseworker/ui/widgets/parameter_history.py" line="72"/>
        <source>Parameter key (for county staff): {key}</source>
        <translation>参数键名（供县级工作人员核对）：{key}</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/parameter_history.py" line="76"/>
        <source>Program: {program}</source>
        <translation>所属项目：{program}</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/parameter_history.py" line="78"/>
        <source>; unit: {unit}</source>
        <translation>；单位：{unit}</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/parameter_history.py" line="81"/>
        <source>none in force</source>
        <translation>当前没有生效的取值</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/parameter_history.py" line="82"/>
        <source>&lt;b&gt;In force now&lt;/b&gt;: {value}</source>
        <translation>&lt;b&gt;现行取值&lt;/b&gt;：{value}</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/parameter_history.py" line="83"/>
        <source>&lt;b&gt;Values by date&lt;/b&gt;</source>
        <translation>&lt;b&gt;历次取值&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/parameter_history.py" line="96"/>
        <source>from {day} (in force)</source>
        <translation>{day}起（现行）</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/parameter_history.py" line="98"/>
        <source>from {day} (not yet in force)</source>
        <translation>{day}起（尚未生效）</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/parameter_history.py" line="100"/>
        <source>from {day}</source>
        <translation>{day}起</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/parameter_history.py" line="103"/>
        <source>&lt;b&gt;{when}&lt;/b&gt;: {value}&lt;br&gt;Source: {ref}</source>
        <translation>&lt;b&gt;{when}&lt;/b&gt;：{value}&lt;br&gt;依据：{ref}</translation>
    </message>
</context>
<context>
    <name>PolicyPage</name>
    <message>
        <location filename="../../caseworker/ui/pages/policy_page.py" line="169"/>
        <source>Parameter</source>
        <translation>参数</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/policy_page.py" line="176"/>
        <source>Compare</source>
        <translation>模拟对比</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/policy_page.py" line="169"/>
        <source>In force now</source>
        <translation>现行取值</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/policy_page.py" line="172"/>
        <source>&lt;b&gt;What if&lt;/b&gt; it were different? Give a new value and compare: see whose findings would change (nothing is saved).</source>
        <translation>&lt;b&gt;政策模拟&lt;/b&gt;：填一个新取值，点“模拟对比”，查看哪些家庭的筛查结果会改变（不保存）。</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/policy_page.py" line="178"/>
        <source>This parameter cannot be changed here; choose another to compare.</source>
        <translation>这个参数不能在这里模拟修改，请选择其他参数。</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/policy_page.py" line="181"/>
        <source>Household</source>
        <translation>家庭</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/policy_page.py" line="181"/>
        <source>Program</source>
        <translation>救助项目</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/policy_page.py" line="181"/>
        <source>Now</source>
        <translation>现在</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/policy_page.py" line="181"/>
        <source>With the change</source>
        <translation>修改后</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/policy_page.py" line="183"/>
        <source>Parameters</source>
        <translation>参数</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/policy_page.py" line="184"/>
        <source>Findings that would change</source>
        <translation>结论会改变的家庭</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/policy_page.py" line="203"/>
        <source>No policy pack loaded.</source>
        <translation>未载入政策包。</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/policy_page.py" line="207"/>
        <source>&lt;b&gt;{name}&lt;/b&gt;: policy version {version}, for county {counties}</source>
        <translation>&lt;b&gt;{name}&lt;/b&gt;：政策版本 {version}，适用县（区）{counties}</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/policy_page.py" line="211"/>
        <source>Policy pack: {id}</source>
        <translation>政策包：{id}</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/policy_page.py" line="237"/>
        <source>Parameter key (for county staff): {key}</source>
        <translation>参数键名（供县级工作人员核对）：{key}</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/policy_page.py" line="301"/>
        <source>Give a new value for {name}.</source>
        <translation>请填写{name}的新取值。</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/policy_page.py" line="343"/>
        <source>The comparison could not be made: {error}</source>
        <translation>无法完成模拟对比：{error}</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/policy_page.py" line="359"/>
        <source>If {name} were {value}:</source>
        <translation>假设{name}为{value}：</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/policy_page.py" line="364"/>
        <source>{n} households compared.</source>
        <translation>共对比 {n} 户。</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/policy_page.py" line="368"/>
        <source>{program}: {brought_in} in, {dropped} out, {other} other; monthly {delta}</source>
        <translation>{program}：新纳入 {brought_in} 户，退出 {dropped} 户，其他变化 {other} 户；每月金额变化 {delta}</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/policy_page.py" line="378"/>
        <source>No household&apos;s findings change.</source>
        <translation>没有家庭的筛查结果发生变化。</translation>
    </message>
</context>
<context>
    <name>PrintCentre</name>
    <message>
        <location filename="../../caseworker/ui/pages/print_centre.py" line="129"/>
        <source>A form for one household</source>
        <translation>打印一户的表格</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/print_centre.py" line="130"/>
        <source>A village or township</source>
        <translation>按村或乡镇批量打印</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/print_centre.py" line="131"/>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/print_centre.py" line="132"/>
        <source>Print... (Ctrl+P)</source>
        <translation>打印…（Ctrl+P）</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/print_centre.py" line="133"/>
        <source>Save as PDF...</source>
        <translation>另存为PDF…</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/print_centre.py" line="134"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/print_centre.py" line="135"/>
        <source>Reports (spreadsheets)...</source>
        <translation>报表（表格）…</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/print_centre.py" line="153"/>
        <source>Case files (档案)</source>
        <translation>家庭档案</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/print_centre.py" line="154"/>
        <source>Publicity list (公示名单), villages only</source>
        <translation>公示名单（仅限村）</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/print_centre.py" line="161"/>
        <source>Open a household first.</source>
        <translation>请先打开一户家庭。</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/print_centre.py" line="165"/>
        <source>Household of {name}</source>
        <translation>户主：{name}</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/print_centre.py" line="239"/>
        <source>Cancelled; nothing was printed.</source>
        <translation>已取消，未打印任何内容。</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/print_centre.py" line="253"/>
        <source>Save as PDF</source>
        <translation>另存为PDF</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/print_centre.py" line="262"/>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
</context>
<context>
    <name>RecordListDialog</name>
    <message>
        <location filename="../../caseworker/ui/dialogs/record_list.py" line="69"/>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/record_list.py" line="70"/>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/record_list.py" line="105"/>
        <source>Not known</source>
        <translation>不详</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/record_list.py" line="105"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/record_list.py" line="105"/>
        <source>No</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>RecoveryCodeDialog</name>
    <message>
        <location filename="../../caseworker/ui/dialogs/signin.py" line="174"/>
        <location filename="../../caseworker/ui/dialogs/signin.py" line="186"/>
        <source>Recovery code</source>
        <translation>恢复码</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/signin.py" line="177"/>
        <source>Write down or print this recovery code and give it to the county civil affairs bureau. If the password is forgotten, only this code opens the records again. It is shown only now.</source>
        <translation>请抄写或打印此恢复码，交县民政局保管。忘记密码时，只有凭此恢复码才能重新打开本机数据。恢复码只显示这一次。</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/signin.py" line="190"/>
        <source>Print...</source>
        <translation>打印...</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/signin.py" line="193"/>
        <source>Save as PDF...</source>
        <translation>另存为PDF...</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/signin.py" line="217"/>
        <source>Save as PDF</source>
        <translation>另存为PDF</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/signin.py" line="217"/>
        <source>recovery code</source>
        <translation>恢复码</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/signin.py" line="231"/>
        <source>Saved: {path}</source>
        <translation>已保存：{path}</translation>
    </message>
</context>
<context>
    <name>RefusedList</name>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_lists.py" line="273"/>
        <source>The county did not take these households&apos; changes. Open the household, correct what the reason says, then press “Send again after fixing the household”. The other records are synced as usual.</source>
        <translation>县里没有接收这些家庭的修改。请打开该户，按原因改正后，点“修改该户后重新发送”。其他记录照常同步，不受影响。</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_lists.py" line="278"/>
        <source>The county has refused nothing.</source>
        <translation>县里没有拒收任何记录。</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_lists.py" line="279"/>
        <source>Refused by the county</source>
        <translation>县里拒收的记录</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_lists.py" line="281"/>
        <source>Head of household</source>
        <translation>户主</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_lists.py" line="281"/>
        <source>Why the county refused it</source>
        <translation>拒收原因</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_lists.py" line="283"/>
        <source>Open the household</source>
        <translation>打开该户</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_lists.py" line="284"/>
        <source>Send again after fixing the household</source>
        <translation>修改该户后重新发送</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_lists.py" line="294"/>
        <source>(not on this laptop)</source>
        <translation>（本机没有这一户）</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_lists.py" line="312"/>
        <source>a member&apos;s ID number is already in another household on this laptop. Look for a person recorded in two households here and correct it</source>
        <translation>其中有成员的身份证号已登记在本机的另一户。请查找本机是否把同一个人登记在了两户，并改正</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_lists.py" line="316"/>
        <source>call the county if this stays after the next sync</source>
        <translation>如果下次同步后仍然如此，请联系县民政局</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_lists.py" line="319"/>
        <source>{n} household(s) from the county could not be stored on this laptop: {why}. They are fetched again at every sync.</source>
        <translation>县里的 {n} 户记录未能存入本机：{why}。每次同步时都会重新接收。</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_lists.py" line="333"/>
        <source>The household&apos;s village is outside the area this laptop works for; the county does not take it from this laptop. Check its village.</source>
        <translation>该户所在的村不在本机负责的区域内，县里不接收本机发送的这一户。请核对该户所在的村。</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_lists.py" line="340"/>
        <location filename="../../caseworker/ui/widgets/sync_lists.py" line="351"/>
        <source>The county gave no reason.</source>
        <translation>县里没有说明原因。</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_lists.py" line="354"/>
        <source>… and {n} more problems.</source>
        <translation>……另外还有 {n} 处问题。</translation>
    </message>
</context>
<context>
    <name>RegisterHouseholdDialog</name>
    <message>
        <location filename="../../caseworker/ui/dialogs/register_household.py" line="122"/>
        <source>Village</source>
        <translation>村（社区）</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/register_household.py" line="125"/>
        <source>Address</source>
        <translation>家庭住址</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/register_household.py" line="128"/>
        <source>Within the village, e.g. 三组18号</source>
        <translation>村内地址，例如：三组18号</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/register_household.py" line="130"/>
        <source>Hukou</source>
        <translation>户籍类型</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/register_household.py" line="131"/>
        <source>Local resident</source>
        <translation>本地户籍</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/register_household.py" line="183"/>
        <source>Born {date}, {sex}, {age} years old</source>
        <translation>出生日期{date}，{sex}，{age}岁</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/register_household.py" line="200"/>
        <source>Register a new household</source>
        <translation>新建家庭</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/register_household.py" line="202"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/register_household.py" line="202"/>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/register_household.py" line="204"/>
        <source>Not known</source>
        <translation>不详</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/register_household.py" line="205"/>
        <source>Members living together</source>
        <translation>共同生活的家庭成员</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/register_household.py" line="208"/>
        <source>The head first. Birth date and sex are read from the ID number. Health, work and income are recorded afterwards on the household&apos;s page or in a visit.</source>
        <translation>先录入户主。出生日期和性别根据身份证号自动填写。健康、就业和收入情况登记后在家庭详情页或入户调查中填写。</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/register_household.py" line="214"/>
        <source>Name *</source>
        <translation>姓名 *</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/register_household.py" line="214"/>
        <source>ID number *</source>
        <translation>身份证号 *</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/register_household.py" line="214"/>
        <source>Relation to head *</source>
        <translation>与户主关系 *</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/register_household.py" line="219"/>
        <source>Choose...</source>
        <translation>请选择…</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/register_household.py" line="220"/>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/register_household.py" line="221"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/register_household.py" line="222"/>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/register_household.py" line="223"/>
        <source>Relation to head</source>
        <translation>与户主关系</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/register_household.py" line="225"/>
        <source>Add a member</source>
        <translation>添加成员</translation>
    </message>
</context>
<context>
    <name>RemoveDialog</name>
    <message>
        <location filename="../../caseworker/ui/dialogs/attachment.py" line="168"/>
        <source>Remove evidence</source>
        <translation>移除证明材料</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/attachment.py" line="172"/>
        <source>Remove {what} from the file? It stays in the record, shown under “Removed” with who removed it, when and why.</source>
        <translation>从材料中移除“{what}”？记录会保留，在“已移除”下显示由谁、何时、为何移除。</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/attachment.py" line="178"/>
        <source>Reason (required), e.g. wrong household</source>
        <translation>原因（必填），例如：传错了户</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/attachment.py" line="179"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/attachment.py" line="185"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/attachment.py" line="186"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/attachment.py" line="202"/>
        <source>Say why it is removed: the reason is required.</source>
        <translation>请填写移除的原因（必填）。</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/attachment.py" line="206"/>
        <source>The reason is too long: at most {n} characters.</source>
        <translation>原因太长：最多{n}个字。</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <location filename="../../caseworker/ui/dialogs/report.py" line="63"/>
        <source>Reports (spreadsheets)</source>
        <translation>报表（表格）</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/report.py" line="75"/>
        <source>Every village in this store</source>
        <translation>本机所有村（社区）</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/report.py" line="79"/>
        <source>Excel workbook (.xlsx)</source>
        <translation>Excel 工作簿（.xlsx）</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/report.py" line="80"/>
        <source>CSV for Excel on Chinese Windows (GB18030)</source>
        <translation>CSV（GB18030，中文Excel可直接打开）</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/report.py" line="81"/>
        <source>CSV in UTF-8 (with BOM)</source>
        <translation>CSV（UTF-8，带BOM）</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/report.py" line="84"/>
        <source>Report</source>
        <translation>报表</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/report.py" line="85"/>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/report.py" line="86"/>
        <source>Area</source>
        <translation>范围</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/report.py" line="87"/>
        <source>Save as</source>
        <translation>保存格式</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/report.py" line="90"/>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/report.py" line="91"/>
        <source>Save...</source>
        <translation>保存…</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/report.py" line="142"/>
        <source>Making the report...</source>
        <translation>正在生成报表……</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/report.py" line="168"/>
        <source>{title} · {unit} {month} · {rows} rows{more}</source>
        <translation>{title} · {unit} {month} · 共{rows}行{more}</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/report.py" line="173"/>
        <source> (the first {n} shown)</source>
        <translation>（预览前{n}行）</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/report.py" line="203"/>
        <source>Save the report</source>
        <translation>保存报表</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/report.py" line="220"/>
        <source>Saved: {path}</source>
        <translation>已保存：{path}</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <location filename="../../caseworker/ui/session.py" line="104"/>
        <source>Restoring the backup of {time}...</source>
        <translation>正在恢复 {time} 的备份…</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/session.py" line="109"/>
        <location filename="../../caseworker/ui/session.py" line="172"/>
        <location filename="../../caseworker/ui/session.py" line="180"/>
        <source>Restore a backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/session.py" line="125"/>
        <source>The backup of {time} was restored: {households} households. The records as they were before are kept in {kept}.</source>
        <translation>已恢复 {time} 的备份：共 {households} 户。恢复前的数据另存在 {kept}。</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/session.py" line="145"/>
        <source>The backup was not restored: {why} The records are as they were before.</source>
        <translation>备份没有恢复：{why}数据保持恢复前的样子。</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/session.py" line="182"/>
        <source>The records in {path} could not be opened again. Nothing has been deleted: close the app and start it again; if it still does not open, ask the county for help before doing anything else.</source>
        <translation>无法重新打开 {path} 中的数据。没有任何数据被删除：请关闭程序再重新打开；如果仍然打不开，请先联系县里帮助处理，不要进行其他操作。</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/session.py" line="192"/>
        <source>the disk is full or cannot be written to.</source>
        <translation>磁盘已满或无法写入。</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/session.py" line="193"/>
        <source>the restored records could not be opened.</source>
        <translation>恢复后的数据无法打开。</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../caseworker/ui/pages/settings_page.py" line="107"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/settings_page.py" line="109"/>
        <source>Type size</source>
        <translation>文字大小</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/settings_page.py" line="111"/>
        <source>Normal</source>
        <translation>标准</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/settings_page.py" line="111"/>
        <source>Large</source>
        <translation>大</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/settings_page.py" line="111"/>
        <source>Extra large</source>
        <translation>特大</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../../caseworker/ui/dialogs/signin.py" line="43"/>
        <location filename="../../caseworker/ui/dialogs/signin.py" line="54"/>
        <location filename="../../caseworker/ui/selfcheck.py" line="50"/>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/signin.py" line="56"/>
        <source>Worker</source>
        <translation>工作人员</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/signin.py" line="57"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/signin.py" line="60"/>
        <source>Caseworker: the records on this laptop are encrypted.</source>
        <translation>社会救助专干助手：本机数据已加密，请登录。</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/signin.py" line="82"/>
        <source>Wrong password.</source>
        <translation>密码不正确。</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/signin.py" line="123"/>
        <source>Too many wrong passwords. Try again in {n} seconds.</source>
        <translation>密码错误次数过多，请{n}秒后再试。</translation>
    </message>
</context>
<context>
    <name>SignatureDialog</name>
    <message>
        <location filename="../../caseworker/ui/widgets/signature_pad.py" line="149"/>
        <source>Signature</source>
        <translation>签字</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/signature_pad.py" line="153"/>
        <source>{signer}, please sign below for: {document}</source>
        <translation>请{signer}在下方签字确认：{document}</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/signature_pad.py" line="158"/>
        <source>Clear</source>
        <translation>清除重签</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/signature_pad.py" line="163"/>
        <source>Confirm signature</source>
        <translation>确认签字</translation>
    </message>
</context>
<context>
    <name>Signing</name>
    <message>
        <location filename="../../caseworker/ui/signing.py" line="63"/>
        <source>Household investigation form</source>
        <translation>家庭经济状况入户调查表</translation>
    </message>
</context>
<context>
    <name>StageDialog</name>
    <message>
        <location filename="../../caseworker/ui/dialogs/application.py" line="161"/>
        <source>New application</source>
        <translation>新建申请</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/application.py" line="125"/>
        <source>Monthly amount approved (yuan)</source>
        <translation>批准的每月金额（元）</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/application.py" line="108"/>
        <source>Program</source>
        <translation>救助项目</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/application.py" line="111"/>
        <source>For which member</source>
        <translation>为哪位成员申请</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/application.py" line="115"/>
        <source>Single-person inclusion covers this member alone, as a one-person household.</source>
        <translation>单人户施保只将这一名成员按单人户纳入保障。</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/application.py" line="119"/>
        <source>Stage</source>
        <translation>办理环节</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/application.py" line="120"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/application.py" line="121"/>
        <source>Done by</source>
        <translation>经办人</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/application.py" line="161"/>
        <source>Record the next step</source>
        <translation>记录下一环节</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/application.py" line="164"/>
        <source>Printed in this level&apos;s box of the forms</source>
        <translation>将打印在表格中本级意见一栏</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/application.py" line="169"/>
        <source>What the household asks for</source>
        <translation>申请事项</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/application.py" line="170"/>
        <location filename="../../caseworker/ui/dialogs/application.py" line="171"/>
        <source>Village committee&apos;s opinion</source>
        <translation>村（居）委会意见</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/application.py" line="172"/>
        <source>Township review opinion</source>
        <translation>乡镇审核意见</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/application.py" line="173"/>
        <source>Publicity</source>
        <translation>公示情况</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/application.py" line="174"/>
        <source>Sent to the county</source>
        <translation>报县审批说明</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/application.py" line="175"/>
        <source>County approval opinion</source>
        <translation>县级审批意见</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/application.py" line="176"/>
        <source>Why it is refused</source>
        <translation>不予批准的理由</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/application.py" line="177"/>
        <source>Why it is withdrawn</source>
        <translation>撤回原因</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/application.py" line="178"/>
        <source>What the review is about</source>
        <translation>复核事由</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/application.py" line="179"/>
        <source>County&apos;s decision on the amount</source>
        <translation>县级复核决定（金额调整）</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/application.py" line="180"/>
        <source>Why the benefit stops</source>
        <translation>停止保障的理由</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/application.py" line="182"/>
        <source>Opinion</source>
        <translation>意见</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/dialogs/application.py" line="214"/>
        <source>Publicity from {start} to {end} (7 days)</source>
        <translation>公示期：{start} 至 {end}（7天）</translation>
    </message>
</context>
<context>
    <name>StorePanel</name>
    <message>
        <location filename="../../caseworker/ui/pages/store_panel.py" line="63"/>
        <source>never</source>
        <translation>从未整理</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/store_panel.py" line="72"/>
        <source>Compacting...</source>
        <translation>正在整理……</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/store_panel.py" line="84"/>
        <source>Compacted: {before} before, {after} now.</source>
        <translation>整理完成：整理前{before}，现在{after}。</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/store_panel.py" line="104"/>
        <source>Records on this laptop</source>
        <translation>本机记录</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/store_panel.py" line="105"/>
        <source>Size on disk</source>
        <translation>占用磁盘空间：</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/store_panel.py" line="106"/>
        <source>Last compacted</source>
        <translation>上次整理：</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/store_panel.py" line="107"/>
        <source>Compact now</source>
        <translation>立即整理</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/store_panel.py" line="110"/>
        <source>Deletes screening records that newer ones replaced (never one a signed document uses) and gives the free space back to the disk.</source>
        <translation>删除已被新结果取代的筛查记录（已签字文书所用的记录不会删除），并把空出的空间还给磁盘。</translation>
    </message>
</context>
<context>
    <name>SyncErrors</name>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_errors.py" line="59"/>
        <source>The address must begin with https:// (as on the enrollment sheet from the county).</source>
        <translation>地址必须以 https:// 开头（与县里给的注册单一致）。</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_errors.py" line="64"/>
        <source>This fingerprint does not match the server&apos;s certificate. Check it character by character against the enrollment sheet. If it is right, this may not be the county&apos;s server: do not connect, and call the county civil affairs bureau.</source>
        <translation>证书指纹与这台服务器的证书不一致。请对照注册单逐位核对。如果核对无误，这可能不是县里的服务器：请不要连接，并联系县民政局。</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_errors.py" line="73"/>
        <source>The server&apos;s certificate is for another address. Type the server address exactly as it is on the enrollment sheet.</source>
        <translation>服务器证书上的地址与填写的不同。请完全按注册单上的服务器地址填写。</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_errors.py" line="79"/>
        <source>The server&apos;s certificate could not be checked against this fingerprint. Check the fingerprint against the enrollment sheet, or call the county.</source>
        <translation>无法用这个证书指纹核对服务器证书。请对照注册单核对指纹，或联系县民政局。</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_errors.py" line="84"/>
        <source>The county server&apos;s certificate cannot be checked without its fingerprint. Enter the certificate fingerprint from the enrollment sheet.</source>
        <translation>县级服务器的证书需要用证书指纹核对。请填写注册单上的证书指纹。</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_errors.py" line="91"/>
        <source>The county does not accept this enrollment code: it is wrong or has expired (a code is valid for 72 hours). Check it against the sheet, or ask the county for a new one.</source>
        <translation>县里不接受这个注册码：注册码有误或已过期（注册码 72 小时内有效）。请对照注册单核对，或向县民政局重新申请。</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_errors.py" line="98"/>
        <source>This enrollment code has already been used (each code works once). Ask the county for a new one.</source>
        <translation>这个注册码已经用过了（每个注册码只能用一次）。请向县民政局重新申请。</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_errors.py" line="104"/>
        <source>This does not look like an enrollment code. Check it against the sheet.</source>
        <translation>这不像是注册码，请对照注册单核对。</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_errors.py" line="110"/>
        <source>The county server did not answer in time. Check the network connection and the address, then try again.</source>
        <translation>县级服务器长时间没有回应。请检查网络连接和服务器地址，然后再试。</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_errors.py" line="115"/>
        <source>The county server cannot be reached at this address. Check the network connection and the address, then try again.</source>
        <translation>无法连接这个地址上的县级服务器。请检查网络连接和服务器地址，然后再试。</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_errors.py" line="121"/>
        <source>There is no working county sync server at this address. Check the address against the enrollment sheet, or call the county.</source>
        <translation>这个地址上没有可用的县级同步服务器。请对照注册单核对地址，或联系县民政局。</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_errors.py" line="126"/>
        <source>The county server refused to enroll this laptop.</source>
        <translation>县级服务器拒绝注册本机。请联系县民政局。</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_errors.py" line="129"/>
        <source>Enrolling stopped because of an unexpected problem in the program. Try again; if it happens again, call the county.</source>
        <translation>程序出现意外问题，注册没有完成。请再试一次；如果仍然出现，请联系县民政局。</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_errors.py" line="138"/>
        <source>Nothing is lost: every change stays on this laptop and is sent next time.</source>
        <translation>数据没有丢失：所有修改都保存在本机，下次同步时发送。</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_errors.py" line="141"/>
        <source>{what} {kept}</source>
        <translation>{what}{kept}</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_errors.py" line="148"/>
        <source>The server&apos;s certificate is not the one this laptop was enrolled with, so nothing was sent. If the county has a new certificate, enroll again with a new code; otherwise call the county.</source>
        <translation>服务器证书与本机注册时的不一致，因此没有发送任何内容。如果县里更换了证书，请用新的注册码重新注册本机；否则请联系县民政局。</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_errors.py" line="158"/>
        <source>The county server did not answer in time.</source>
        <translation>县级服务器长时间没有回应，请稍后再试。</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_errors.py" line="161"/>
        <source>The county server cannot be reached. Check the network connection.</source>
        <translation>无法连接县级服务器，请检查网络连接。</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_errors.py" line="165"/>
        <source>The county no longer accepts this laptop (it may have been revoked). Ask the county for a new enrollment code and enroll again.</source>
        <translation>县里已不再接受本机（可能已被注销）。请向县民政局申请新的注册码，重新注册本机。</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_errors.py" line="171"/>
        <source>The county refused a record outside the area this laptop works for. Call the county.</source>
        <translation>县里拒收了超出本机负责区域的记录。请联系县民政局。</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_errors.py" line="177"/>
        <source>The county refused this laptop&apos;s record of work (it does not continue what the county holds). Call the county.</source>
        <translation>县里拒收了本机的操作记录（与县里已有的记录接不上）。请联系县民政局。</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_errors.py" line="183"/>
        <source>What was sent was too large for the county server. Call the county.</source>
        <translation>发送的内容超出了县级服务器的限制。请联系县民政局。</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_errors.py" line="187"/>
        <source>The county server has a problem. Try again later.</source>
        <translation>县级服务器出了问题，请稍后再试。</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_errors.py" line="190"/>
        <source>The county server refused what was sent. Call the county.</source>
        <translation>县级服务器拒收了发送的内容。请联系县民政局。</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_errors.py" line="194"/>
        <source>The saved server address is not safe to use. Enroll again.</source>
        <translation>本机保存的服务器地址不安全，请重新注册本机。</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_errors.py" line="197"/>
        <source>The sync stopped because of an unexpected problem in the program.</source>
        <translation>程序出现意外问题，同步没有完成。</translation>
    </message>
</context>
<context>
    <name>SyncFields</name>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_words.py" line="31"/>
        <source>Village</source>
        <translation>所在村（社区）</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_words.py" line="32"/>
        <source>Address</source>
        <translation>家庭住址</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_words.py" line="33"/>
        <source>Hukou type</source>
        <translation>户籍类型</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_words.py" line="34"/>
        <source>Local hukou</source>
        <translation>是否本地户籍</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_words.py" line="35"/>
        <source>Registered-poor status</source>
        <translation>建档立卡情况</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_words.py" line="36"/>
        <source>Poverty-exit date</source>
        <translation>脱贫日期</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_words.py" line="37"/>
        <source>Relative of a cadre or caseworker</source>
        <translation>是否村干部或经办人员近亲属</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_words.py" line="40"/>
        <source>Property recorded</source>
        <translation>财产是否已登记</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_words.py" line="41"/>
        <source>Expenses recorded</source>
        <translation>支出是否已登记</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_words.py" line="42"/>
        <source>Legal supporters recorded</source>
        <translation>法定赡养人是否已登记</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_words.py" line="45"/>
        <source>Kind of emergency</source>
        <translation>急难类型</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_words.py" line="46"/>
        <source>Date of the emergency</source>
        <translation>急难发生日期</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_words.py" line="47"/>
        <source>Description of the emergency</source>
        <translation>急难情况说明</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_words.py" line="50"/>
        <source>Bank code</source>
        <translation>银行代码（联行号）</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_words.py" line="51"/>
        <source>Bank</source>
        <translation>开户银行</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_words.py" line="52"/>
        <source>Account holder</source>
        <translation>账户名称</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_words.py" line="53"/>
        <source>Account number</source>
        <translation>银行账号</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_words.py" line="54"/>
        <source>Order in the household</source>
        <translation>在户内的排序</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_words.py" line="55"/>
        <location filename="../../caseworker/ui/widgets/sync_words.py" line="89"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_words.py" line="56"/>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_words.py" line="57"/>
        <source>Date of birth</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_words.py" line="58"/>
        <source>Sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_words.py" line="59"/>
        <source>Relation to the head</source>
        <translation>与户主关系</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_words.py" line="60"/>
        <source>Ability to work</source>
        <translation>劳动能力</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_words.py" line="61"/>
        <source>Kind of disability</source>
        <translation>残疾类别</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_words.py" line="62"/>
        <source>Disability grade</source>
        <translation>残疾等级</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_words.py" line="63"/>
        <source>Serious illness</source>
        <translation>重病情况</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_words.py" line="64"/>
        <source>Daily activities impossible</source>
        <translation>不能自理的日常活动项数</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_words.py" line="67"/>
        <source>In school</source>
        <translation>是否在校</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_words.py" line="68"/>
        <source>Orphan</source>
        <translation>是否孤儿</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_words.py" line="69"/>
        <source>De facto unsupported child</source>
        <translation>是否事实无人抚养儿童</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_words.py" line="72"/>
        <source>Employment</source>
        <translation>就业状况</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_words.py" line="73"/>
        <source>Returned to work</source>
        <translation>是否返岗就业</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_words.py" line="74"/>
        <source>Income recorded</source>
        <translation>收入是否已登记</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_words.py" line="75"/>
        <source>Whose income</source>
        <translation>收入所属成员</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_words.py" line="76"/>
        <location filename="../../caseworker/ui/widgets/sync_words.py" line="79"/>
        <location filename="../../caseworker/ui/widgets/sync_words.py" line="83"/>
        <location filename="../../caseworker/ui/widgets/sync_words.py" line="87"/>
        <location filename="../../caseworker/ui/widgets/sync_words.py" line="92"/>
        <location filename="../../caseworker/ui/widgets/sync_words.py" line="107"/>
        <location filename="../../caseworker/ui/widgets/sync_words.py" line="112"/>
        <source>Order</source>
        <translation>排序</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_words.py" line="77"/>
        <source>Kind of income</source>
        <translation>收入类别</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_words.py" line="78"/>
        <location filename="../../caseworker/ui/widgets/sync_words.py" line="95"/>
        <source>Monthly amount</source>
        <translation>月金额</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_words.py" line="80"/>
        <source>Kind of property</source>
        <translation>财产类别</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_words.py" line="81"/>
        <source>Value</source>
        <translation>价值</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_words.py" line="82"/>
        <source>Number</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_words.py" line="84"/>
        <source>Kind of expense</source>
        <translation>支出类别</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_words.py" line="85"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_words.py" line="86"/>
        <location filename="../../caseworker/ui/widgets/sync_words.py" line="114"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_words.py" line="88"/>
        <source>Relation</source>
        <translation>关系</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_words.py" line="90"/>
        <source>Able to support</source>
        <translation>是否有赡养能力</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_words.py" line="91"/>
        <source>Why not able</source>
        <translation>无赡养能力的原因</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_words.py" line="93"/>
        <location filename="../../caseworker/ui/widgets/sync_words.py" line="108"/>
        <source>Program</source>
        <translation>救助项目</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_words.py" line="94"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_words.py" line="96"/>
        <source>Since</source>
        <translation>起始日期</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_words.py" line="97"/>
        <source>Gradual exit until</source>
        <translation>渐退截止日期</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_words.py" line="98"/>
        <source>Certificate number</source>
        <translation>证件编号（低保证号）</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_words.py" line="99"/>
        <source>Members covered</source>
        <translation>保障对象</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_words.py" line="100"/>
        <source>Date of the visit</source>
        <translation>调查日期</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_words.py" line="101"/>
        <source>Investigators</source>
        <translation>调查人员</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_words.py" line="102"/>
        <source>Purpose</source>
        <translation>调查目的</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_words.py" line="103"/>
        <source>Observations</source>
        <translation>调查情况</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_words.py" line="104"/>
        <source>Conclusion</source>
        <translation>调查结论</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_words.py" line="105"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_words.py" line="106"/>
        <location filename="../../caseworker/ui/widgets/sync_words.py" line="136"/>
        <source>Signed at</source>
        <translation>签字时间</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_words.py" line="109"/>
        <source>Current stage</source>
        <translation>当前办理环节</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_words.py" line="110"/>
        <source>Member applied for</source>
        <translation>申请对象</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_words.py" line="111"/>
        <source>Application</source>
        <translation>所属申请</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_words.py" line="113"/>
        <source>Stage</source>
        <translation>办理环节</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_words.py" line="115"/>
        <source>Handled by</source>
        <translation>经办人</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_words.py" line="116"/>
        <source>Opinion</source>
        <translation>意见</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_words.py" line="117"/>
        <source>Monthly amount proposed or approved</source>
        <translation>拟定或批准的月金额</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_words.py" line="120"/>
        <source>Member it is for</source>
        <translation>针对的成员</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_words.py" line="121"/>
        <source>Record of the democratic appraisal</source>
        <translation>民主评议记录</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_words.py" line="124"/>
        <source>Screened on</source>
        <translation>筛查日期</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_words.py" line="125"/>
        <source>Policy pack</source>
        <translation>政策包</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_words.py" line="126"/>
        <source>Policy version</source>
        <translation>政策包版本</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_words.py" line="127"/>
        <source>Policy pack checksum</source>
        <translation>政策包校验码</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_words.py" line="128"/>
        <source>Household checksum</source>
        <translation>家庭信息校验码</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_words.py" line="129"/>
        <source>Findings</source>
        <translation>筛查结果</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_words.py" line="130"/>
        <source>Who signed</source>
        <translation>签字成员</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_words.py" line="131"/>
        <source>Name of the signer</source>
        <translation>签字人姓名</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_words.py" line="132"/>
        <source>Signed as</source>
        <translation>签字身份</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_words.py" line="133"/>
        <location filename="../../caseworker/ui/widgets/sync_words.py" line="134"/>
        <source>Document</source>
        <translation>所签文件</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_words.py" line="135"/>
        <source>Document checksum</source>
        <translation>文件校验码</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_words.py" line="137"/>
        <source>Signature</source>
        <translation>签名</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_words.py" line="142"/>
        <source>Household</source>
        <translation>所属家庭</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_words.py" line="158"/>
        <source>another item</source>
        <translation>其他项目</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <location filename="../../caseworker/ui/pages/sync_page.py" line="168"/>
        <source>Sync with the county</source>
        <translation>与县里同步</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/sync_page.py" line="169"/>
        <source>Connection to the county server</source>
        <translation>连接县级服务器</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/sync_page.py" line="170"/>
        <source>Enroll again…</source>
        <translation>重新注册…</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/sync_page.py" line="171"/>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/sync_page.py" line="172"/>
        <source>Sync now</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/sync_page.py" line="173"/>
        <location filename="../../caseworker/ui/pages/sync_page.py" line="293"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/sync_page.py" line="226"/>
        <source>Conflicts to resolve ({n})</source>
        <translation>待解决的冲突（{n}）</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/sync_page.py" line="227"/>
        <source>Refused by the county ({n})</source>
        <translation>县里拒收的记录（{n}）</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/sync_page.py" line="249"/>
        <source>Connected. Press “Sync now” to send this laptop&apos;s changes.</source>
        <translation>已连接。点“立即同步”把本机的修改发给县里。</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/sync_page.py" line="289"/>
        <source>Connecting to the county server…</source>
        <translation>正在连接县级服务器…</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/sync_page.py" line="316"/>
        <source>Sending this laptop&apos;s changes: {sent} of {total} household(s)</source>
        <translation>正在发送本机的修改：{sent} / {total} 户</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/sync_page.py" line="320"/>
        <source>Sent {sent} household(s); sending the record of work…</source>
        <translation>已发送 {sent} 户；正在发送操作记录…</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/sync_page.py" line="329"/>
        <source>Sent {sent} household(s); received {received} so far…</source>
        <translation>已发送 {sent} 户；已接收 {received} 户…</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/sync_page.py" line="341"/>
        <source>Sending evidence files: {done} of {total} ({sent} of {files} sent)</source>
        <translation>正在发送证明材料：{done} / {total}（已送达 {sent} / {files} 份）</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/sync_page.py" line="352"/>
        <source>Evidence files sent; receiving: {received} file(s), {size} so far…</source>
        <translation>证明材料已发送；正在接收：已收到 {received} 份，共 {size}…</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/sync_page.py" line="370"/>
        <source>Sync finished.</source>
        <translation>同步完成。</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/sync_page.py" line="374"/>
        <source>The county did not accept your choice for {n} conflict(s): the item was changed again meanwhile, or the value chosen is not allowed. Choose again below.</source>
        <translation>县里没有接受您对 {n} 项冲突的处理：这一项在此期间又被修改过，或所选的值不符合要求。请在下面重新选择。</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/sync_page.py" line="381"/>
        <source>{n} conflict(s) need your decision: see below.</source>
        <translation>有 {n} 项冲突需要您处理，见下方。</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/sync_page.py" line="385"/>
        <source>The county refused {n} household(s): see below.</source>
        <translation>县里拒收了 {n} 户，见下方。</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/sync_page.py" line="413"/>
        <source>Sync cancelled before anything was sent. Every change stays on this laptop and is sent next time.</source>
        <translation>同步已取消，还没有发送任何修改。所有修改都保存在本机，下次同步时发送。</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/sync_page.py" line="418"/>
        <source>Sync cancelled. Every change of this laptop has reached the county; what the county has for this laptop comes with the next sync.</source>
        <translation>同步已取消。本机的修改都已送到县里；县里的数据将在下次同步时继续接收。</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/sync_page.py" line="422"/>
        <source>Sync cancelled. The county has received and kept the changes of {sent} household(s); the other {left} stay on this laptop and are sent next time.</source>
        <translation>同步已取消。县里已收到并保存了 {sent} 户的修改；其余 {left} 户的修改仍在本机，下次同步时发送。</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/sync_page.py" line="434"/>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/pages/sync_page.py" line="444"/>
        <source>It will be sent with the next sync.</source>
        <translation>将在下次同步时发送。</translation>
    </message>
</context>
<context>
    <name>SyncState</name>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_status.py" line="120"/>
        <source>Not connected to the county yet</source>
        <translation>尚未连接县级服务器</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_status.py" line="122"/>
        <source>Not synced yet</source>
        <translation>尚未同步</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_status.py" line="124"/>
        <source>Not synced: the county&apos;s receipt did not match</source>
        <translation>未同步：县里的回执与发送的内容不一致</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_status.py" line="126"/>
        <source>Not fully synced</source>
        <translation>未完全同步</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_status.py" line="128"/>
        <source>Synced; {n} conflict(s) to resolve</source>
        <translation>已同步；有 {n} 项冲突待解决</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_status.py" line="131"/>
        <source>Synced</source>
        <translation>已同步</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_status.py" line="145"/>
        <source>Fill in the enrollment sheet above to connect this laptop.</source>
        <translation>请先在上面按注册单填写，连接本机。</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_status.py" line="148"/>
        <source>This laptop has not synced with the county yet.</source>
        <translation>本机还没有与县里同步过。</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_status.py" line="150"/>
        <source>Last sync: {time}</source>
        <translation>上次同步：{time}</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_status.py" line="153"/>
        <source>Sent changes of {sent} household(s) (the county took {taken} and refused {refused}); received {received} household(s).</source>
        <translation>发送了 {sent} 户的修改（县里接受 {taken} 户，拒收 {refused} 户），接收了 {received} 户。</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_status.py" line="158"/>
        <source>Sent changes of {sent} household(s); received {received} household(s).</source>
        <translation>发送了 {sent} 户的修改，接收了 {received} 户。</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_status.py" line="169"/>
        <source>Received {n} new policy pack(s).</source>
        <translation>收到 {n} 个新的政策包。</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_status.py" line="172"/>
        <source>There was nothing to send, so there was no receipt.</source>
        <translation>没有需要发送的修改，因此没有回执。</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_status.py" line="174"/>
        <source>The county&apos;s receipt matches what this laptop sent.</source>
        <translation>县里的回执与本机发送的内容一致。</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_status.py" line="178"/>
        <source>The county&apos;s receipt does NOT match what this laptop sent: those changes are not counted as synced and are sent again next time.</source>
        <translation>县里的回执与本机发送的内容不一致：这些修改不算已同步，下次同步时重新发送。</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_status.py" line="184"/>
        <source>Changes of {n} household(s) on this laptop are not synced yet.</source>
        <translation>本机还有 {n} 户的修改尚未同步。</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_status.py" line="191"/>
        <source>The county refused the changes of {n} household(s): fix them and send them again (see below).</source>
        <translation>县里拒收了 {n} 户的修改，请改正后重新发送（见下方）。</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_status.py" line="198"/>
        <source>{n} file(s) of evidence on this laptop have not reached the county yet; at the last sync the county did not take {refused} of them.</source>
        <translation>本机还有 {n} 份证明材料尚未送到县里；上次同步时县里没有接收其中 {refused} 份。</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_status.py" line="205"/>
        <source>{n} file(s) of evidence on this laptop have not reached the county yet; they are sent at the next sync.</source>
        <translation>本机还有 {n} 份证明材料尚未送到县里，下次同步时发送。</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_status.py" line="210"/>
        <source>Every change on this laptop has reached the county.</source>
        <translation>本机所有修改都已送到县里。</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_status.py" line="219"/>
        <source>Evidence: sent {sent} file(s), received {received}.</source>
        <translation>证明材料：上传{sent}份，下载{received}份。</translation>
    </message>
</context>
<context>
    <name>SyncStatus</name>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_status.py" line="230"/>
        <source>The county did not take {n} file(s) of evidence:</source>
        <translation>县里没有接收 {n} 份证明材料：</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_status.py" line="237"/>
        <source>its details were refused; ask the county civil affairs bureau</source>
        <translation>县里没有接收这份材料的登记信息，请联系县民政局</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_status.py" line="241"/>
        <source>the file is {size}, more than the {limit} the county takes; remove it and add a smaller one (e.g. scan fewer pages at a time)</source>
        <translation>文件有 {size}，超过县里允许的 {limit}，请移除后改添加较小的文件（例如每次少扫描几页）</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_status.py" line="247"/>
        <source>the county refused the file; ask the county civil affairs bureau</source>
        <translation>县里没有接收这份文件，请联系县民政局</translation>
    </message>
</context>
<context>
    <name>SyncValues</name>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_words.py" line="183"/>
        <source>Member {name}</source>
        <translation>成员{name}</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_words.py" line="184"/>
        <source>A member</source>
        <translation>一名成员</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_words.py" line="187"/>
        <source>Income of {name} ({kind})</source>
        <translation>{name}的收入（{kind}）</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_words.py" line="190"/>
        <source>Income ({kind})</source>
        <translation>收入（{kind}）</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_words.py" line="192"/>
        <source>Legal supporter {name}</source>
        <translation>法定赡养人{name}</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_words.py" line="196"/>
        <source>Property ({kind})</source>
        <translation>财产（{kind}）</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_words.py" line="197"/>
        <source>Expense ({kind})</source>
        <translation>支出（{kind}）</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_words.py" line="198"/>
        <source>Benefit ({kind})</source>
        <translation>享受待遇（{kind}）</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_words.py" line="199"/>
        <source>Household visit ({kind})</source>
        <translation>入户调查（{kind}）</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_words.py" line="200"/>
        <source>Application ({kind})</source>
        <translation>申请（{kind}）</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_words.py" line="201"/>
        <source>Application stage ({kind})</source>
        <translation>办理环节（{kind}）</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_words.py" line="202"/>
        <source>Screening record</source>
        <translation>筛查记录</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_words.py" line="203"/>
        <source>Signature</source>
        <translation>签名</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_words.py" line="207"/>
        <source>Another record</source>
        <translation>其他记录</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_words.py" line="215"/>
        <source>{record}: the whole record</source>
        <translation>{record}：整条记录</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_words.py" line="216"/>
        <source>The household</source>
        <translation>该户</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_words.py" line="220"/>
        <source>{record}: {field}</source>
        <translation>{record}：{field}</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_words.py" line="234"/>
        <source>{year}-{month:02d}-{day:02d}</source>
        <translation>{year}年{month}月{day}日</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_words.py" line="246"/>
        <source>{date} {hour:02d}:{minute:02d}</source>
        <translation>{date} {hour:02d}:{minute:02d}</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_words.py" line="252"/>
        <source>(a value that cannot be shown here)</source>
        <translation>（无法显示的值）</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_words.py" line="287"/>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_words.py" line="294"/>
        <source>(an option not known here)</source>
        <translation>（本机不认识的选项）</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_words.py" line="298"/>
        <source>(a member not on this laptop)</source>
        <translation>（本机没有的成员）</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_words.py" line="302"/>
        <source>(a reference to another record)</source>
        <translation>（指向另一条记录）</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_words.py" line="304"/>
        <source>(a village not known here)</source>
        <translation>（本机不认识的村）</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_words.py" line="317"/>
        <source>(a signature picture)</source>
        <translation>（签名图片）</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_words.py" line="319"/>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_words.py" line="321"/>
        <source>(details: open the household to see them)</source>
        <translation>（内容较多，请打开该户查看）</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_words.py" line="327"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_words.py" line="329"/>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_words.py" line="339"/>
        <source>Grade {n}</source>
        <translation>{n}级</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_words.py" line="341"/>
        <source>{n} activities</source>
        <translation>{n}项</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_words.py" line="343"/>
        <source>No. {n}</source>
        <translation>第{n}位</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_words.py" line="353"/>
        <source>Keep this record</source>
        <translation>保留这条记录</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/widgets/sync_words.py" line="355"/>
        <source>Delete this record</source>
        <translation>删除这条记录</translation>
    </message>
</context>
<context>
    <name>VisitForm</name>
    <message>
        <location filename="../../caseworker/ui/visit/steps.py" line="98"/>
        <source>Date of the visit</source>
        <translation>调查日期</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/visit/steps.py" line="121"/>
        <source>A household visit is made by at least two people; both are needed before the visit is signed.</source>
        <translation>入户调查须由两名以上人员进行；签字前须填写两名调查人。</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/visit/steps.py" line="136"/>
        <source>How the house is built</source>
        <translation>房屋结构</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/visit/steps.py" line="177"/>
        <source>Other property seen</source>
        <translation>其他财产情况</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/visit/steps.py" line="217"/>
        <source>Conclusion of the visit</source>
        <translation>调查结论</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/visit/incomes.py" line="69"/>
        <source>Enter the amount a month, e.g. 600.00</source>
        <translation>请填写每月金额，例如600.00</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/visit/incomes.py" line="73"/>
        <source>“{value}” is not an amount of yuan (e.g. 600 or 600.50)</source>
        <translation>“{value}”不是有效的金额（例如600或600.50）</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/visit/incomes.py" line="77"/>
        <source>“{value}”: an income cannot be negative (write a loss as 0)</source>
        <translation>“{value}”：收入不能为负数（亏损请填0）</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/visit/incomes.py" line="81"/>
        <source>{value} yuan a month is not a plausible income</source>
        <translation>每月{value}元不是合理的收入金额</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/visit/incomes.py" line="172"/>
        <source>Line {n} already has this member&apos;s {kind}: if it is the same income, remove one line (two different incomes of one kind may stay as two lines)</source>
        <translation>第{n}行已有这位成员的{kind}：如果是同一项收入，请删去一行（同一类的两份不同收入可以分两行填写）</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/visit/incomes.py" line="182"/>
        <source>Income line {n} ({member}, {kind})</source>
        <translation>第{n}行收入（{member}，{kind}）</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/visit_form.py" line="239"/>
        <location filename="../../caseworker/ui/visit_form.py" line="240"/>
        <source>Household investigation: {name}</source>
        <translation>入户调查：{name}</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/visit_form.py" line="243"/>
        <source>Steps</source>
        <translation>步骤</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/visit_form.py" line="244"/>
        <source>Problems to correct</source>
        <translation>需要改正的问题</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/visit/editors.py" line="26"/>
        <source>Not recorded</source>
        <translation>未填写</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/visit/steps.py" line="203"/>
        <source>Why the household is in hardship (tick all that apply)</source>
        <translation>致困原因（可多选）</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/visit/incomes.py" line="188"/>
        <source>Each income the household has, per member and kind, in yuan a month. The lines start as the incomes last recorded; change them to what you found.</source>
        <translation>按成员和收入类别逐项填写家庭收入（元/月）。下表先列出上次登记的收入，请按本次调查的实际情况修改。</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/visit/incomes.py" line="198"/>
        <location filename="../../caseworker/ui/visit/incomes.py" line="218"/>
        <source>Kind of income</source>
        <translation>收入类别</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/visit/incomes.py" line="199"/>
        <location filename="../../caseworker/ui/visit/incomes.py" line="219"/>
        <source>Yuan a month</source>
        <translation>每月金额（元）</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/visit/incomes.py" line="206"/>
        <source>Add an income</source>
        <translation>添加一项收入</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/visit/incomes.py" line="208"/>
        <source>Update the members&apos; incomes from this visit (changes are shown first)</source>
        <translation>用本次调查结果更新成员收入（保存前会先列出变动）</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/visit/steps.py" line="119"/>
        <source>Name of the second investigator</source>
        <translation>第二名调查人姓名</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/visit_form.py" line="250"/>
        <source>Save visit (Ctrl+S)</source>
        <translation>保存调查（Ctrl+S）</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/visit/incomes.py" line="216"/>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/visit/steps.py" line="94"/>
        <source>1 Basics</source>
        <translation>1 基本情况</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/visit/steps.py" line="132"/>
        <source>2 Housing</source>
        <translation>2 住房</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/visit/steps.py" line="152"/>
        <source>3 Livestock</source>
        <translation>3 牲畜</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/visit/steps.py" line="164"/>
        <source>4 Vehicles and machinery</source>
        <translation>4 车辆与农机</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/visit/steps.py" line="182"/>
        <source>5 Income by member</source>
        <translation>5 成员收入</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/visit/steps.py" line="184"/>
        <source>6 Expenses</source>
        <translation>6 支出</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/visit/steps.py" line="198"/>
        <source>7 Causes of hardship</source>
        <translation>7 致困原因</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/visit/steps.py" line="213"/>
        <source>8 Conclusion</source>
        <translation>8 调查结论</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/visit/steps.py" line="113"/>
        <source>Enter the first investigator.</source>
        <translation>请填写第一名调查人。</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/visit/problems.py" line="101"/>
        <source>The visit is not saved yet: {n} thing(s) to fix. Click one to go there.</source>
        <translation>调查尚未保存：有{n}处需要修改。点击一项可直接跳转。</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/visit/incomes.py" line="225"/>
        <source>not recorded</source>
        <translation>未登记</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/visit/incomes.py" line="227"/>
        <source>no income</source>
        <translation>无收入</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/visit/incomes.py" line="235"/>
        <source>{name}: {before} → {after}</source>
        <translation>{name}：{before} → {after}</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/visit/incomes.py" line="242"/>
        <source>Update the members&apos; incomes?</source>
        <translation>更新成员收入？</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/visit/incomes.py" line="243"/>
        <source>Saving this visit would change these recorded incomes:</source>
        <translation>保存本次调查将修改以下成员已登记的收入：</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/visit/incomes.py" line="247"/>
        <source>Update the incomes and save</source>
        <translation>更新收入并保存</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/visit/incomes.py" line="248"/>
        <source>Save the visit only</source>
        <translation>只保存调查，不更新收入</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/visit_form.py" line="368"/>
        <source>A visit is signed by two investigators: enter the second one.</source>
        <translation>入户调查须由两名调查人签字：请填写第二名调查人。</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/visit_form.py" line="415"/>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/visit_form.py" line="416"/>
        <source>This household is no longer in the store; the draft is kept.</source>
        <translation>本地已没有这户家庭的记录；草稿已保留。</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/visit/steps.py" line="104"/>
        <source>Purpose</source>
        <translation>调查目的</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/visit/steps.py" line="110"/>
        <source>Investigator 1</source>
        <translation>调查人员一</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/visit/steps.py" line="118"/>
        <source>Investigator 2</source>
        <translation>调查人员二</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/visit/steps.py" line="141"/>
        <source>Floor area (m²)</source>
        <translation>住房面积（平方米）</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/visit/steps.py" line="146"/>
        <source>Condition</source>
        <translation>房屋状况</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/visit/steps.py" line="220"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/visit/steps.py" line="189"/>
        <source>Large expenses this year (medical, school, disaster)</source>
        <translation>本年度大额支出（医疗、教育、灾害等）</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/visit/incomes.py" line="197"/>
        <location filename="../../caseworker/ui/visit/incomes.py" line="217"/>
        <source>Member</source>
        <translation>成员</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/visit_form.py" line="251"/>
        <source>Save and sign</source>
        <translation>保存并签字</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/visit_form.py" line="252"/>
        <location filename="../../caseworker/ui/visit_form.py" line="339"/>
        <source>Discard draft</source>
        <translation>放弃草稿</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/visit_form.py" line="253"/>
        <source>Previous</source>
        <translation>上一步</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/visit_form.py" line="254"/>
        <source>Next</source>
        <translation>下一步</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/visit_form.py" line="317"/>
        <source>Draft saved at {time}</source>
        <translation>草稿已于 {time} 自动保存</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/visit_form.py" line="329"/>
        <source>Close the visit</source>
        <translation>关闭调查表</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/visit_form.py" line="330"/>
        <source>Close the form? What you typed is kept as a draft and offered again.</source>
        <translation>关闭调查表吗？已填写的内容会保存为草稿，下次可以继续。</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/visit_form.py" line="339"/>
        <source>Throw away this unsaved visit?</source>
        <translation>确定放弃这次未保存的入户调查吗？</translation>
    </message>
</context>
<context>
    <name>VisitWindows</name>
    <message>
        <location filename="../../caseworker/ui/visit_windows.py" line="117"/>
        <source>{n} household visit(s) were not saved. Continue them now?</source>
        <translation>有 {n} 次入户调查尚未保存，现在继续填写吗？</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/visit_windows.py" line="118"/>
        <source>Unsaved visits</source>
        <translation>未保存的入户调查</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/visit_windows.py" line="130"/>
        <source>Visits not saved</source>
        <translation>入户调查尚未保存</translation>
    </message>
    <message>
        <location filename="../../caseworker/ui/visit_windows.py" line="132"/>
        <source>{n} household visit(s) are open and not saved. Their drafts are kept and offered again at the next start. Quit now?</source>
        <translation>有{n}份入户调查尚未保存。草稿已保留，下次启动时可以继续填写。现在退出吗？</translation>
    </message>
</context>
</TS>

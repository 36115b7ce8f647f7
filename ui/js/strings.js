// Every Chinese string of the UI, in one place.
export const S = {
  appName: '议事簿',
  sections: {
    topics: { title: '议题', blurb: '收集、审定居民提出的议题（点事 · 提事）。', coming: ['新议题登记：电话、微信群、12345热线、入户走访、随手拍……', '待审定队列：受理、即办完成、上报、合并、不予受理', '议题列表、筛选与办理时间线'] },
    meetings: { title: '会议', blurb: '板凳会、院坝会、议事会：议程、签到、会议记录与表决（议事 · 决事）。', coming: ['会前：议程（第一项自动生成上轮议定事项落实情况）、邀请3+N参会人', '会中：大字会议视图、签到、随打随存的会议记录、举手/一户一票表决', '会后：议定事项、任务分派、打印会议记录与决议公示'] },
    tasks: { title: '办理', blurb: '议定事项的落实：谁来办、何时办结、进展如何（办事）。', coming: ['任务看板：自办、承办、共办，限时办结', '进展记录与前后对比照片，逾期提醒', '满意度测评（满意 / 基本满意 / 不满意）'] },
    notices: { title: '公示', blurb: '打印张贴到公示栏的通知与公示，并登记张贴与撤下。', coming: ['会议通知、议题公示、决议公示、落实情况公示、签到表、积分榜、公约', '自由撰写：停水通知、活动通知、温馨提示', '公示台账：公示期、张贴位置、到期提醒'] },
    points: { title: '积分', blurb: '参与议事得积分，年底到积分超市兑换。', coming: ['每人积分明细：参会、发言、志愿服务', '积分超市兑换登记', '年度积分榜（可隐去姓名）'] },
    archive: { title: '台账与备份', blurb: '用U盘把记录带到街道或办公室电脑，并自动备份。', coming: ['导出到U盘：数据库快照、公示PDF、台账表格（WPS/Excel可打开）', '从U盘导入：先核对、再合并，不丢任何一条记录', '自动备份与恢复'] },
    settings: { title: '设置', blurb: '' },
  },
  comingTitle: '这里将会有：',
  settings: {
    dbCard: '数据库',
    dbPath: '数据库文件',
    schemaVersion: '数据格式版本',
    appVersion: '程序版本',
    records: '记录条数',
    displayCard: '显示',
    fontSize: '字号',
    sizes: { normal: '标准', large: '大', xlarge: '特大' },
    theme: '对比度',
    themes: { normal: '标准', contrast: '高对比（户外日光）' },
  },
  errors: {
    startup: '数据库无法打开：',
    unknown: '发生了意外错误，请重试；如果反复出现，请联系技术支持。',
    noShell: '请在议事簿程序中打开本页面。',
  },
};

// Texts of the suggestions feature (namespace `suggestions`).
export const suggestionsZh = {
  nav: { group: '代表建议', mine: '我的建议', list: '建议办理', new: '提出建议', key: '重点督办', report: '办理报告', motions: '议案' },
  status: {
    draft: '草稿', awaitingCosigners: '待联名确认', submitted: '已提交', returnedForRevision: '退回修改', referredAsOpinion: '转为一般意见',
    accepted: '已立案', assigned: '办理中', handBackRequested: '申请退回', replied: '已答复', rated: '已测评', rehandling: '重新办理',
    followUp: '跟踪办理', closed: '已办结', withdrawn: '已撤回',
  },
  rating: { satisfied: '满意', basicallySatisfied: '基本满意', dissatisfied: '不满意' },
  method: { phone: '电话', visit: '走访', meeting: '座谈见面' },
  supervisionKind: { meeting: '督办会', siteVisit: '实地察看', progress: '进展' },
  fields: {
    number: '编号', title: '标题', content: '内容', category: '类别', cosigners: '联名代表', attachments: '附件', status: '状态',
    deadline: '答复期限', proposer: '领衔代表', leadUnit: '主办单位', assistingUnits: '协办单位', rating: '测评', overdue: '逾期',
    comment: '意见', reason: '理由', summary: '沟通情况', replyCategory: '办理结果', replyContent: '答复内容', plannedBy: '计划完成日期',
    unit: '承办单位', key: '重点督办', submittedAt: '提交时间',
  },
  list: { title: '代表建议', mineTitle: '我的建议', new: '提出建议', filterStatus: '全部状态', filterUnit: '全部单位', overdueOnly: '只看逾期', empty: '暂无建议', search: '标题或编号' },
  form: {
    title: '提出代表建议', hint: '一事一议，内容明确具体；联名代表确认后提交。', submit: '提交', draft: '存为草稿', submitted: '已提交，编号 {{number}}',
    waiting: '已发送联名确认', upload: '上传附件', searchDeputy: '输入姓名搜索代表',
  },
  detail: {
    review: '质量审查', accept: '立案', return: '退回修改', refer: '转为一般意见', checks: '审查要点', oneMatter: '一事一议', notPersonal: '非个人事项', specific: '明确具体',
    assign: '交办', assignDo: '交办', extension: '批准延期（6个月）', contacts: '沟通见面', addContact: '记录沟通', reply: '答复', replyDo: '提交答复',
    letter: '下载答复函', rate: '满意度测评', rateDo: '提交测评', withdraw: '撤回', cosign: '确认联名', decline: '不联名', handBack: '申请退回',
    handBackDecide: '处理退回申请', reassign: '重新交办', keep: '维持交办', dispute: '提交主任会议', unitOpinion: '协办意见', addOpinion: '提交协办意见',
    solved: '报告已解决', supervise: '督办记录', superviseDo: '记录', similar: '相似建议', merge: '并案办理', replies: '答复', ratings: '测评',
    round: '第{{n}}次答复', noContactYet: '答复前须先记录与代表的沟通', rehandlingDue: '重新办理，一个月内再次答复', history: '办理过程',
    extended: '已延期', reviewComment: '审查意见', referral: '转为意见的理由', publish: '公开答复', keyLeader: '领衔督办领导', done: '已完成',
  },
  key: { title: '重点督办建议', overdue: '逾期未答复', supervisions: '督办记录', empty: '暂无重点督办建议' },
  report: {
    title: '代表建议办理情况', total: '建议总数', replied: '已答复', overdue: '逾期', key: '重点督办', solvedRate: '解决率', satisfactionRate: '满意率',
    firstRate: '初次答复满意率', byUnit: '按承办单位', byCategory: '按类别', byResult: '按办理结果', byRating: '满意度', xlsx: '导出 Excel', docx: '导出 Word',
    review: '质量审查', returned: '退回修改', referred: '转为意见',
  },
  motions: { title: '议案', new: '提出议案', signers: '附议代表', decide: '作出决定', agenda: '列入议程', asSuggestion: '作为建议办理', presidium: '主席团', chairpersonsMeeting: '主任会议', status: { submitted: '待决定', onAgenda: '列入议程', handledAsSuggestion: '作为建议办理', withdrawn: '已撤回' } },
  done: '操作成功',
};

export const suggestionsEn: typeof suggestionsZh = {
  nav: { group: 'Suggestions', mine: 'My suggestions', list: 'Handling', new: 'New suggestion', key: 'Key suggestions', report: 'Handling report', motions: 'Motions' },
  status: {
    draft: 'Draft', awaitingCosigners: 'Awaiting co-signers', submitted: 'Submitted', returnedForRevision: 'Returned for revision', referredAsOpinion: 'Referred as an opinion',
    accepted: 'Accepted', assigned: 'Being handled', handBackRequested: 'Hand-back requested', replied: 'Replied', rated: 'Rated', rehandling: 'Re-handling',
    followUp: 'Follow-up', closed: 'Closed', withdrawn: 'Withdrawn',
  },
  rating: { satisfied: 'Satisfied', basicallySatisfied: 'Basically satisfied', dissatisfied: 'Dissatisfied' },
  method: { phone: 'Phone', visit: 'Visit', meeting: 'Meeting' },
  supervisionKind: { meeting: 'Meeting', siteVisit: 'Site visit', progress: 'Progress' },
  fields: {
    number: 'Number', title: 'Title', content: 'Content', category: 'Category', cosigners: 'Co-signers', attachments: 'Attachments', status: 'Status',
    deadline: 'Reply due', proposer: 'Proposer', leadUnit: 'Lead unit', assistingUnits: 'Assisting units', rating: 'Rating', overdue: 'Overdue',
    comment: 'Comment', reason: 'Reason', summary: 'Summary', replyCategory: 'Result', replyContent: 'Reply', plannedBy: 'Planned by',
    unit: 'Unit', key: 'Key', submittedAt: 'Submitted',
  },
  list: { title: 'Suggestions', mineTitle: 'My suggestions', new: 'New suggestion', filterStatus: 'All statuses', filterUnit: 'All units', overdueOnly: 'Overdue only', empty: 'No suggestions', search: 'Title or number' },
  form: {
    title: 'Submit a suggestion', hint: 'One matter per suggestion, specific; co-signers confirm before it is submitted.', submit: 'Submit', draft: 'Save draft', submitted: 'Submitted as {{number}}',
    waiting: 'Sent to the co-signers for confirmation', upload: 'Upload attachment', searchDeputy: 'Type a name to find deputies',
  },
  detail: {
    review: 'Quality review', accept: 'Accept', return: 'Return for revision', refer: 'Refer as an opinion', checks: 'Checks', oneMatter: 'One matter', notPersonal: 'Not personal', specific: 'Specific',
    assign: 'Assignment', assignDo: 'Assign', extension: 'Approve extension (6 months)', contacts: 'Contacts', addContact: 'Log contact', reply: 'Reply', replyDo: 'Send reply',
    letter: 'Download reply letter', rate: 'Rating', rateDo: 'Send rating', withdraw: 'Withdraw', cosign: 'Confirm co-signing', decline: 'Decline', handBack: 'Ask to hand back',
    handBackDecide: 'Decide the hand-back', reassign: 'Re-assign', keep: 'Keep assignment', dispute: "To the chairpersons' meeting", unitOpinion: 'Assisting opinion', addOpinion: 'Send opinion',
    solved: 'Report solved', supervise: 'Supervision', superviseDo: 'Log', similar: 'Similar suggestions', merge: 'Merge', replies: 'Replies', ratings: 'Ratings',
    round: 'Reply {{n}}', noContactYet: 'Log a contact with the deputy before replying', rehandlingDue: 'Re-handling: reply again within a month', history: 'History',
    extended: 'Extended', reviewComment: 'Review comment', referral: 'Referral reason', publish: 'Publish reply', keyLeader: 'Leading leader', done: 'Done',
  },
  key: { title: 'Key suggestions', overdue: 'Overdue', supervisions: 'Supervision log', empty: 'No key suggestions' },
  report: {
    title: 'Handling of suggestions', total: 'Total', replied: 'Replied', overdue: 'Overdue', key: 'Key', solvedRate: 'Solved rate', satisfactionRate: 'Satisfaction rate',
    firstRate: 'First-reply satisfaction', byUnit: 'By unit', byCategory: 'By category', byResult: 'By result', byRating: 'Ratings', xlsx: 'Export Excel', docx: 'Export Word',
    review: 'Quality review', returned: 'Returned', referred: 'Referred',
  },
  motions: { title: 'Motions', new: 'New motion', signers: 'Signers', decide: 'Decide', agenda: 'On the agenda', asSuggestion: 'Handle as a suggestion', presidium: 'Presidium', chairpersonsMeeting: "Chairpersons' meeting", status: { submitted: 'Awaiting decision', onAgenda: 'On the agenda', handledAsSuggestion: 'Handled as a suggestion', withdrawn: 'Withdrawn' } },
  done: 'Done',
};

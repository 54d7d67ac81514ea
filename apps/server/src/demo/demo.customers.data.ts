// Demo customers: real-sounding Chinese organisations (libraries, universities, publishers, state firms) and a few
// individuals, each with its owner among the demo users. Fixed data, so every demo install looks the same.

/**
 * One customer per line, fields separated by `|`:
 * owner | name | short name | customer type | industry | province | city | district | grade | stage | source | first contact
 * An empty short name marks an individual customer, who has no contacts of their own.
 */
export const DEMO_CUSTOMERS = `
wangfang|北京东区邮政服务有限公司|东区邮政|stateOwned|postal|北京市|北京市|东城区|A|key|tender|2021-03-15
wangfang|上海博文图书进出口有限公司|博文图书|enterprise|culture|上海市|上海市|徐汇区|A|active|exhibition|2022-05-20
wangfang|复旦大学图书馆|复旦图书馆|library|education|上海市|上海市|杨浦区|A|key|tender|2019-09-02
wangfang|上海交通大学|上海交大|university|education|上海市|上海市|闵行区|B|active|referral|2020-11-11
wangfang|南京图书馆|南图|library|culture|江苏省|南京市|玄武区|B|active|tender|2022-02-14
wangfang|苏州工业园区管理委员会|园区管委会|government|government|江苏省|苏州市|吴中区|B|prospect|coldCall|2025-06-03
wangfang|杭州萧山国际机场有限公司|萧山机场|stateOwned|logistics|浙江省|杭州市|萧山区|C|prospect|exhibition|2025-08-19
wangfang|宁波甬江书城有限公司|甬江书城|distributor|retail|浙江省|宁波市|鄞州区|C|dormant|partner|2018-04-27
wangfang|陈晓东||individual|other|上海市|上海市|浦东新区|C|active|referral|2024-01-09
wangfang|上海浦江物流有限公司|浦江物流|enterprise|logistics|上海市|上海市|浦东新区|B|active|phone|2023-07-21
wangfang|北京海淀区青少年图书馆|海淀少图|library|culture|北京市|北京市|海淀区|B|active|tender|2022-09-30
wangfang|中国人民大学出版社有限公司|人大社|publicInstitution|culture|北京市|北京市|海淀区|A|key|referral|2017-10-18
lina|山东省图书馆|鲁图|library|culture|山东省|济南市|历下区|A|key|tender|2016-05-06
lina|青岛海信信息科技有限公司|海信信息|enterprise|it|山东省|青岛市|崂山区|B|active|exhibition|2021-12-01
lina|无锡市教育局|无锡教育局|government|government|江苏省|无锡市|梁溪区|B|active|tender|2020-03-23
lina|浙江大学|浙大|university|education|浙江省|杭州市|西湖区|A|key|referral|2018-09-10
lina|绍兴文理学院|绍兴文理|university|education|浙江省|绍兴市|越城区|C|prospect|marketing|2025-03-17
lina|江苏凤凰新华书店集团有限公司|凤凰新华|stateOwned|retail|江苏省|南京市|鼓楼区|A|key|partner|2015-06-30
lina|天津市滨海新区图书馆|滨海图书馆|library|culture|天津市|天津市|滨海新区|B|active|tender|2021-08-08
lina|北京中关村软件园发展有限责任公司|中关村软件园|enterprise|construction|北京市|北京市|海淀区|C|lost|coldCall|2019-02-26
lina|王建华||individual|other|北京市|北京市|朝阳区|D|dormant|website|2022-11-02
lina|中国邮政集团有限公司济南市分公司|济南邮政|stateOwned|postal|山东省|济南市|市中区|B|active|tender|2023-04-12
lina|合肥工业大学图书馆|合工大图书馆|library|education|安徽省|合肥市|包河区|C|prospect|marketing|2025-09-05
liuyang|四川大学|川大|university|education|四川省|成都市|武侯区|A|key|tender|2017-03-14
liuyang|成都市图书馆|成图|library|culture|四川省|成都市|青羊区|B|active|tender|2020-10-20
liuyang|重庆长安汽车股份有限公司|长安汽车|stateOwned|automotive|重庆市|重庆市|江北区|A|key|referral|2016-12-05
liuyang|重庆大学|重大|university|education|重庆市|重庆市|沙坪坝区|B|active|exhibition|2019-05-28
liuyang|陕西师范大学出版总社有限公司|陕师大出版社|publicInstitution|culture|陕西省|西安市|雁塔区|B|active|partner|2021-07-07
liuyang|西安市公共交通集团有限公司|西安公交|stateOwned|logistics|陕西省|西安市|未央区|C|prospect|coldCall|2025-02-18
liuyang|云南省图书馆|云图|library|culture|云南省|昆明市|五华区|B|active|tender|2022-06-16
liuyang|贵州茅台酒销售有限公司|茅台销售|enterprise|retail|贵州省|遵义市|仁怀市|C|dormant|exhibition|2018-08-23
liuyang|兰州大学|兰大|university|education|甘肃省|兰州市|城关区|C|prospect|marketing|2025-10-09
liuyang|成都天府软件园有限公司|天府软件园|enterprise|it|四川省|成都市|武侯区|B|active|referral|2023-03-01
liuyang|张丽华||individual|other|四川省|成都市|锦江区|C|active|phone|2024-05-13
liuyang|重庆市渝中区人民政府|渝中区政府|government|government|重庆市|重庆市|渝中区|B|active|tender|2021-01-19
liuyang|新疆大学图书馆|新大图书馆|library|education|新疆维吾尔自治区|乌鲁木齐市|天山区|D|lost|tender|2017-11-30
chenjing|广州图书馆|广图|library|culture|广东省|广州市|天河区|A|key|tender|2018-03-08
chenjing|深圳市南山区教育局|南山教育局|government|government|广东省|深圳市|南山区|B|active|tender|2020-09-15
chenjing|中山大学|中大|university|education|广东省|广州市|海珠区|A|key|referral|2016-04-21
chenjing|厦门大学图书馆|厦大图书馆|library|education|福建省|厦门市|思明区|B|active|exhibition|2019-10-24
chenjing|福建新华发行（集团）有限责任公司|福建新华|stateOwned|retail|福建省|福州市|鼓楼区|B|active|partner|2020-12-12
chenjing|刘志强||individual|other|广东省|深圳市|福田区|C|prospect|website|2025-07-30
chenjing|广西壮族自治区图书馆|桂图|library|culture|广西壮族自治区|南宁市|青秀区|C|dormant|tender|2018-06-19
chenjing|海南大学|海大|university|education|海南省|海口市|美兰区|C|prospect|marketing|2025-04-22
chenjing|东莞市松山湖高新技术产业开发区管理委员会|松山湖管委会|government|government|广东省|东莞市||B|active|coldCall|2022-03-03
zhangwei|广东省邮政速递物流有限公司|广东邮政速递|stateOwned|postal|广东省|广州市|越秀区|A|key|tender|2017-07-17
zhangwei|深圳华侨城文化集团有限公司|华侨城文化|stateOwned|culture|广东省|深圳市|南山区|B|active|referral|2021-05-25
zhangwei|中国平安财产保险股份有限公司深圳分公司|平安产险深圳|enterprise|insurance|广东省|深圳市|福田区|A|key|referral|2019-01-07
zhangwei|珠海格力电器股份有限公司|格力电器|enterprise|manufacturing|广东省|珠海市|香洲区|B|active|exhibition|2020-06-06
zhangwei|汕头大学|汕大|university|education|广东省|汕头市|金平区|C|prospect|marketing|2025-05-14
zhangwei|福州市鼓楼区第一中心小学|鼓一小|school|education|福建省|福州市|鼓楼区|D|lost|coldCall|2018-10-10
zhangwei|黄美玲||individual|other|福建省|厦门市|湖里区|B|active|referral|2023-09-19
zhangwei|北京师范大学珠海校区|北师大珠海|university|education|广东省|珠海市|香洲区|B|active|tender|2022-12-20
zhangwei|佛山市顺德区图书馆|顺德图书馆|library|culture|广东省|佛山市|顺德区|C|active|tender|2023-02-27
wangfang|上海辞书出版社有限公司|辞书社|publicInstitution|culture|上海市|上海市|静安区|B|active|exhibition|2021-04-16
lina|江苏省南京中学|南京中学|school|education|江苏省|南京市|鼓楼区|C|active|referral|2024-03-11
liuyang|中国科学院成都文献情报中心|成都文献情报中心|research|education|四川省|成都市|武侯区|B|active|tender|2020-08-31
chenjing|广州地铁集团有限公司|广州地铁|stateOwned|logistics|广东省|广州市|海珠区|B|prospect|exhibition|2025-11-04
zhangwei|海南省图书馆|琼图|library|culture|海南省|海口市|美兰区|C|active|tender|2022-04-28
lina|清华大学图书馆|清华图书馆|library|education|北京市|北京市|海淀区|A|key|tender|2015-09-09
`;

/** The hand-written customers' names, which generated ones must not repeat. */
export const DEMO_CUSTOMER_NAMES: readonly string[] = DEMO_CUSTOMERS.trim()
  .split('\n')
  .map((line) => line.split('|')[1]!);

/** Contact names, titles and departments the generator cycles through. */
export const DEMO_PEOPLE =
  '赵敏 钱磊 孙丽 周杰 吴静 郑海涛 冯雪 陈志远 褚红梅 卫东 蒋文博 沈佳怡 韩梅 杨帆 朱晓峰 秦岚 许志伟 何玲 吕建军 施雨'.split(
    ' ',
  );
export const DEMO_TITLES: readonly [string, string, string][] = [
  ['采购部经理', '采购部', 'decisionMaker'],
  ['馆长', '馆办公室', 'decisionMaker'],
  ['副主任', '信息中心', 'influencer'],
  ['采编部主任', '采编部', 'influencer'],
  ['项目专员', '项目部', 'user'],
  ['财务主管', '财务部', 'buyer'],
  ['办公室秘书', '办公室', 'gatekeeper'],
];

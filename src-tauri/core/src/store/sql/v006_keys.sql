-- v006: the closed lists of the roster and the places stored as stable English keys
-- (community::kinds), not as their Chinese labels. A kind nobody knows becomes 'other'; a role
-- typed by hand stays as typed.

UPDATE places SET kind = CASE kind
    WHEN '小区' THEN 'estate'
    WHEN '楼栋' THEN 'building'
    WHEN '单元' THEN 'unit'
    WHEN '网格' THEN 'grid'
    WHEN '院坝' THEN 'courtyard'
    WHEN '村民小组' THEN 'villager_group'
    WHEN '其他' THEN 'other'
    ELSE CASE WHEN kind IN ('estate','building','unit','grid','courtyard','villager_group','other') THEN kind ELSE 'other' END
END;

UPDATE people SET roles = (
    SELECT json_group_array(CASE j.value
        WHEN '党员' THEN 'party_member'
        WHEN '居民代表' THEN 'resident_rep'
        WHEN '楼栋长' THEN 'building_head'
        WHEN '网格员' THEN 'grid_worker'
        WHEN '物业' THEN 'property'
        WHEN '业委会' THEN 'owners_committee'
        WHEN '专业人士' THEN 'professional'
        WHEN '两委成员' THEN 'two_committees'
        WHEN '乡贤' THEN 'notable'
        WHEN '志愿者' THEN 'volunteer'
        WHEN '居民' THEN 'resident'
        ELSE j.value END)
    FROM json_each(people.roles) AS j
)
WHERE json_valid(roles) AND json_type(roles) = 'array' AND json_array_length(roles) > 0;
